"""Where the room can reach this computer: the IPv4 addresses of its network connections that are up."""

from __future__ import annotations

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

LOCAL_ONLY = ("127.0.0.1", "this computer only")


def share_addresses() -> list[tuple[str, str]]:
    """(address, what it is) for each connection that is up, then this computer alone (for trying it out)."""
    flags = QNetworkInterface.InterfaceFlag
    found = []
    for interface in QNetworkInterface.allInterfaces():
        state = interface.flags()
        if not (state & flags.IsUp and state & flags.IsRunning) or state & flags.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append((ip.toString(), interface.humanReadableName()))
    return [*found, LOCAL_ONLY]
