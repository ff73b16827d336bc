"""The sub-commands of `visitdesk`, one module each.

Each module has `register(subparsers)`, which adds its parser and sets `handler`, and a
`run(args, desk.store, out) -> int`. Modules import only the standard library and the store at the
top: anything heavy (reportlab, openpyxl) is imported inside `run`, so that `visitdesk visits`
starts fast.
"""

COMMAND_MODULES = (
    "visitdesk.commands.exchange",
    "visitdesk.commands.visits",
    "visitdesk.commands.press_release",
    "visitdesk.commands.press_releases",
    "visitdesk.commands.briefing_pack",
    "visitdesk.commands.calendar",
    "visitdesk.commands.people_lists",
    "visitdesk.commands.programme",
    "visitdesk.commands.server",
    "visitdesk.commands.history",
)
