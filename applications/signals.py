"""What applications tell the apps above them, which it may not import
(accounts ← competitions ← applications ← reviews ← …)."""

from django.dispatch import Signal

# An application became eligible or stopped being so, inside the transaction that moved it;
# sent with competition_id. The ranking (reviews) lists the eligible applications.
eligibility_changed = Signal()
