"""The hotel's reference data, catalogue names per language, and the demo hotel."""
