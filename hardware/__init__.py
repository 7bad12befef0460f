"""Hardware abstraction layer: device interfaces, drivers, simulators. No Qt, no desk."""
