"""Working time, reaction deadlines and expected waits, on the Bulgarian calendar in Sofia time.

Above the catalogue (it reads the working hours and the reaction terms),
below pricing, on Sofia time (:mod:`calculator.clock`): :mod:`.worktime`
(working hours over days off), :mod:`.reaction` (a plan's guaranteed
deadline) and :mod:`.expected_wait` (the mean wait over 28 days).
"""
