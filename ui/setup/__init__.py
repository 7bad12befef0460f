"""The first start's set-up window: a hotel of the user's own, on an empty database."""
