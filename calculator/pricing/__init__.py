"""What each plan costs a prospect: cost models, priced lines, break-even points, the whole quote.

Above the catalogue, time and the profile; below the page. Pricing knows
nothing of URLs or markup: :mod:`.cost` (a plan's cost as a function of the
hours), :mod:`.plan_price` (the lines of one plan), :mod:`.breakeven` (where
the cheapest plan changes), :mod:`.downtime_cost` (what the expected wait
costs), :mod:`.vat` (which amount a customer compares, with VAT or without,
and its words) and :mod:`.quote` (every plan and the recommendation).
"""
