"""Who acts: sign-in, sessions, passwords and PINs, and the rights of each role."""
