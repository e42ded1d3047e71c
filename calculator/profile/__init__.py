"""What a prospect tells us: one table of fields (:mod:`.fields`) and the checked record (:mod:`.profile`).

Every field is one row of :data:`.fields.FIELDS`; the form, the quote link,
the sales CLI and the printed inputs are derived from that table.
"""
