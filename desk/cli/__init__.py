"""Every ``desk`` command's parser."""
