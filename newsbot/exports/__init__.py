"""How export files reach the disk: whole, or not at all."""
