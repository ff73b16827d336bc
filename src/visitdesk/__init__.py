"""VisitDesk: plan, brief and report on the visits of foreign delegations."""

__version__ = "0.1.0"
APP_NAME = "VisitDesk"
