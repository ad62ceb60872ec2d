"""Encryption at rest for the few things that must be readable again (TOTP secrets,
a child's contact request). Fernet (AES-128-CBC + HMAC-SHA256) from ``cryptography``.

The key is ``POSTBOX_ENCRYPTION_KEY`` (a Fernet key) when set, otherwise one derived from
the secret key with HKDF, so a fresh install is encrypted without extra set-up.
"""

from __future__ import annotations

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

import settings

__all__ = ["InvalidToken", "decrypt", "encrypt"]


@cache
def _fernet() -> Fernet:
    configured = str(settings.ENCRYPTION_KEY)
    if configured:
        return Fernet(configured.encode())
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"postbox.encryption").derive(
        str(settings.SECRET_KEY).encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    """The plaintext; raises ``InvalidToken`` when the key is wrong or the data was altered."""
    return _fernet().decrypt(token.encode()).decode()
