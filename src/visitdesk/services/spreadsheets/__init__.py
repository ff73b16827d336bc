"""Spreadsheets in and out: delegation lists from `.xlsx`/`.csv`, and the lists the office hands
to others (the delegation, arrivals and hotel, follow-ups).

openpyxl is imported only where a workbook is read or written, so that the command line starts
fast for everything else.
"""
