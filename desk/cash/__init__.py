"""The cash shift of a workstation and its drawer."""
