"""The DT_NEEDED entries of an ELF shared library (what it links directly), read without binutils.

Used by counter_app.spec to drop the libraries that only a dropped plugin or a system-provided library
needed: `ldd` answers with the whole transitive closure, which cannot tell those apart.
"""

from __future__ import annotations

import struct
from pathlib import Path

DT_NULL, DT_NEEDED, DT_STRTAB = 0, 1, 5
SHT_DYNAMIC = 6
PT_LOAD = 1


def needed(path: str | Path) -> list[str]:
    """Sonames linked by the 64- or 32-bit little/big-endian ELF file at `path` ([] if not ELF)."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF":
        return []
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        phoff, = struct.unpack_from(end + "Q", data, 0x20)
        phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 0x36)
        dyn_fmt, sh_fmt, ph_fmt = end + "qQ", end + "IIQQQQIIQQ", end + "IIQQQQQQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        phoff, = struct.unpack_from(end + "I", data, 0x1C)
        phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 0x2A)
        dyn_fmt, sh_fmt, ph_fmt = end + "iI", end + "IIIIIIIIII", end + "IIIIIIII"

    dynamic = None
    for i in range(shnum):
        fields = struct.unpack_from(sh_fmt, data, shoff + i * shentsize)
        if fields[1] == SHT_DYNAMIC:
            dynamic = (fields[4], fields[5])  # file offset, size
            break
    if dynamic is None:
        return []

    entries = []
    step = struct.calcsize(dyn_fmt)
    for off in range(dynamic[0], dynamic[0] + dynamic[1], step):
        tag, value = struct.unpack_from(dyn_fmt, data, off)
        if tag == DT_NULL:
            break
        entries.append((tag, value))
    strtab_addr = next((v for t, v in entries if t == DT_STRTAB), None)
    if strtab_addr is None:
        return []

    def file_offset(addr: int) -> int:  # DT_STRTAB holds a virtual address: map it through PT_LOAD
        for i in range(phnum):
            p = struct.unpack_from(ph_fmt, data, phoff + i * phentsize)
            if is64:
                p_type, p_offset, p_vaddr, p_filesz = p[0], p[2], p[3], p[5]
            else:
                p_type, p_offset, p_vaddr, p_filesz = p[0], p[1], p[2], p[4]
            if p_type == PT_LOAD and p_vaddr <= addr < p_vaddr + p_filesz:
                return addr - p_vaddr + p_offset
        return addr

    strtab = file_offset(strtab_addr)
    names = []
    for tag, value in entries:
        if tag == DT_NEEDED:
            start = strtab + value
            names.append(data[start:data.index(b"\0", start)].decode())
    return names
