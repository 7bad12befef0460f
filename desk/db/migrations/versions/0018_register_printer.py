"""A register's printer is set in Devices only: its own address (and layout) folded into the assignment;
per-printer "draw text as image".

Before, a register printed at ``cash_register.device`` whatever a workstation's Devices said. Each
workstation the database knows (it has printers, or it asked for receipts) keeps printing every
register where it did: a printer of its own at that address is assigned to the register, or a
printer named after the register is added with the register's address, profile and paper. A
workstation with no printers before also used the first register's printer as its drawer, and
still does. An assignment already made in Devices is kept: it is what the manager asked for.

Revision ID: 0018_register_printer
Revises: 0017_fiscal_keys
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0018_register_printer"
down_revision: str | None = "0017_fiscal_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MIGRATED_BY = "migration 0018"

printer = sa.table(
    "workstation_printer",
    sa.column("id", sa.Integer()), sa.column("workstation", sa.String()), sa.column("name", sa.String()),
    sa.column("url", sa.String()), sa.column("profile", sa.String()), sa.column("paper_mm", sa.Integer()),
    sa.column("register_code", sa.String()), sa.column("drawer", sa.Boolean()),
    sa.column("changed_by", sa.String()), sa.column("changed_at", sa.DateTime(timezone=True)),
)
register = sa.table(
    "cash_register",
    sa.column("code", sa.String()), sa.column("name", sa.String()), sa.column("device", sa.String()),
    sa.column("profile", sa.String()), sa.column("paper_mm", sa.Integer()),
)
receipt_request = sa.table("receipt_request", sa.column("workstation", sa.String()))


def _free_name(taken: set[str], wanted: str) -> str:
    name, number = wanted[:80], 2
    while name in taken:
        suffix = f" ({number})"
        name, number = wanted[: 80 - len(suffix)] + suffix, number + 1
    return name


def _fold_register_addresses() -> None:
    bind = op.get_bind()
    registers = bind.execute(sa.select(register.c.code, register.c.name, register.c.device, register.c.profile,
                                       register.c.paper_mm).order_by(register.c.code)).all()
    registers = [r for r in registers if (r.device or "").strip()]
    if not registers:
        return
    workstations = set(bind.scalars(sa.select(printer.c.workstation).distinct()))
    workstations |= set(bind.scalars(sa.select(receipt_request.c.workstation).distinct()))
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # as the desk's UTC column type keeps it there
    for workstation in sorted(workstations):
        rows = bind.execute(sa.select(printer.c.id, printer.c.name, printer.c.url, printer.c.register_code)
                            .where(printer.c.workstation == workstation)).all()
        had_printers = bool(rows)
        names = {row.name for row in rows}
        assigned = {row.register_code for row in rows if row.register_code}
        for number, reg in enumerate(registers):
            if reg.code in assigned:
                continue
            address = reg.device.strip()
            same = next((row for row in rows if row.url == address and row.register_code is None), None)
            if same is not None:
                bind.execute(printer.update().where(printer.c.id == same.id).values(register_code=reg.code))
                rows = [row for row in rows if row.id != same.id]
                continue
            name = _free_name(names, reg.name or reg.code)
            names.add(name)
            bind.execute(printer.insert().values(
                workstation=workstation, name=name, url=address[:160], profile=reg.profile or "TM-T20II",
                paper_mm=reg.paper_mm or 80, register_code=reg.code,
                drawer=not had_printers and number == 0, changed_by=MIGRATED_BY, changed_at=now))


def upgrade() -> None:
    with op.batch_alter_table("workstation_printer") as table:
        table.add_column(sa.Column("text_as_image", sa.Boolean(), nullable=False, server_default=sa.false()))
    _fold_register_addresses()
    # Two printers of one workstation for one register would leave "where does it print?" open.
    op.create_index("uq_workstation_printer_register", "workstation_printer", ["workstation", "register_code"],
                    unique=True)
    for column in ("device", "paper_mm", "profile"):
        op.drop_column("cash_register", column)


def downgrade() -> None:
    op.add_column("cash_register", sa.Column("device", sa.String(length=160), nullable=False, server_default=""))
    op.add_column("cash_register", sa.Column("paper_mm", sa.Integer(), nullable=False, server_default="80"))
    op.add_column("cash_register", sa.Column("profile", sa.String(length=40), nullable=False,
                                             server_default="TM-T20II"))
    bind = op.get_bind()
    assignments = bind.execute(sa.select(printer.c.register_code, printer.c.url, printer.c.profile,
                                         printer.c.paper_mm).where(printer.c.register_code.is_not(None))
                               .order_by(printer.c.id)).all()
    done: set[str] = set()
    for row in assignments:
        if row.register_code in done:
            continue
        done.add(row.register_code)
        bind.execute(register.update().where(register.c.code == row.register_code).values(
            device=row.url, profile=row.profile, paper_mm=row.paper_mm))
    op.drop_index("uq_workstation_printer_register", table_name="workstation_printer")
    with op.batch_alter_table("workstation_printer") as table:
        table.drop_column("text_as_image")
