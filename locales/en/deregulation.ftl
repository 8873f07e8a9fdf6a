# The deregulation register (seeds 002, 003).
dereg-register = Deregulation register
dereg-board = Deregulation board
field-rule-title = Rule
field-source = Legal source (law, regulation or circular, and article)
field-issuing-agency = Issuing agency
field-annual-cost = Annual cost
field-hours-lost = Hours lost a year
field-decision-text = Wording of the decision
regulation-status-reported = Reported
regulation-status-under-review = Under review
regulation-status-decided = Decided
regulation-status-published = Published
regulation-decision-remove = Remove
regulation-decision-amend = Amend
regulation-decision-keep = Keep
err-regulation-state-conflict = This cannot be done at the report's current stage.
