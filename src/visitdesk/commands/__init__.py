"""The sub-commands of `visitdesk`, one module each.

Each module has `register(subparsers)`, which adds its parser and sets `handler`, and a
`run(args, desk, out) -> int` over the app layer (`visitdesk.app.Desk`), the only layer a
command may import. Modules import only the standard library at the top: anything heavy is
imported inside `run`, so that `visitdesk visits` starts fast.
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
    "visitdesk.commands.printed_items",
    "visitdesk.commands.server",
    "visitdesk.commands.history",
    "visitdesk.commands.gifts",
)
