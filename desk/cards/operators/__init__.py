"""Online card operators (Stripe, ...) behind one interface: :mod:`desk.cards.operators.interface`."""
