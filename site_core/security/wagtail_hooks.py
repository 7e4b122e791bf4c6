"""The admin's two-factor sign-in (its hooks are registered when this module is imported)."""

from site_core.security import two_factor  # noqa: F401
