"""What an installation is in the sync network: standalone, a field device, or the central office.

The role is kept in the database (meta 'role'), set once by `central init` or by enrolling; without it an
installation is standalone. This module is light on purpose (no cryptography): every screen may ask.
"""

from __future__ import annotations

from enum import StrEnum

from fieldapp.errors import FieldappError
from fieldapp.models.store import Store


class Role(StrEnum):
    STANDALONE = "standalone"  # not enrolled: works on its own and exchanges nothing
    DEVICE = "device"  # a field laptop enrolled with an office
    CENTRAL = "central"  # the office


def role(store: Store) -> Role:
    value = store.scalar("SELECT value FROM meta WHERE key = 'role'")
    return Role(value) if value else Role.STANDALONE


def require_role(store: Store, wanted: Role) -> None:
    if role(store) is not wanted:
        if wanted is Role.CENTRAL:
            raise FieldappError("this data directory is not the central office (run `fieldapp central init`)",
                                "当前数据目录不是中心端（请先运行 central init 初始化中心端）")
        raise FieldappError("this device is not enrolled (run `fieldapp enroll FILE` with the office's enrolment file)",
                            "本终端尚未注册（请使用单位提供的注册文件运行 enroll）")
