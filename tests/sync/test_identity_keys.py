"""This installation's keys, kept in one place: the signing keys and the keys a notice is verified with."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.sync import identity
from fieldapp.workspace import Workspace

from .conftest import Network


def test_the_signing_keys_are_made_once_and_their_public_key_registered_once(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        keys = identity.signing_keys(ws)
        again = identity.signing_keys(ws)
        assert again.public_key_id == keys.public_key_id
        rows = ws.store.query("SELECT key_id, key_device_id FROM device_keys")
        assert rows == [{"key_id": keys.public_key_id, "key_device_id": ws.store.device_id}]
        assert identity.known_keys(ws) == keys.known_keys()
        assert keys.certificate in identity.trust_roots(ws)


def test_a_revoked_device_key_no_longer_verifies_anything(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        keys = identity.signing_keys(ws)
        ws.store.conn.execute("UPDATE device_keys SET revoked = 1")
        assert keys.public_key_id not in identity.known_keys(ws)


def test_the_office_trusts_its_own_ca_and_a_device_learns_it_by_enrolling(net: Network) -> None:
    ca = identity.office_ca(net.central)
    assert ca.certificate in identity.trust_roots(net.central)
    assert identity.office_ca(net.central).certificate == ca.certificate  # loaded, not made again
    device = net.enrol("拳铺镇终端1")
    assert ca.certificate in identity.trust_roots(device)


def test_the_bundle_key_is_private_to_this_installation_and_a_damaged_one_is_reported(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        public = identity.x25519_public(ws)
        path = identity.keys_dir(ws) / identity.X25519_FILE
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert identity.x25519_public(ws) == public
        path.write_text("garbage")
        with pytest.raises(FieldappError, match="damaged"):
            identity.x25519_private(ws)
