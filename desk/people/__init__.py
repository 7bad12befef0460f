"""Who acts: sign-in, sessions, passwords and PINs, lockout, a manager's approval, and the one table
of what each role may do.

Imports: core, db.
"""
