"""Where the data lives: the engine and units of work, the runner, change tracking, migrations."""
