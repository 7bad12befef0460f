"""Administration windows (people, the catalogue), opened from the main window's Administration menu."""
