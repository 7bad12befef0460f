"""Developer tools: screenshots for docs/ (they start device simulators, so they live outside ui/)."""
