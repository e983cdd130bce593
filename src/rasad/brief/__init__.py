"""The weekly briefing: the week's situation report in Arabic or English, as HTML or PDF, under a TLP marking."""
