## Conformity assessment: verdicts on lab results and the decision rules behind them.
conformity-verdict-pass = Pass
conformity-verdict-fail = Fail
conformity-verdict-inconclusive = Inconclusive
conformity-rule-simple-acceptance = Simple acceptance (shared risk: the measured value alone)
conformity-rule-guard-banded = Guard band equal to the uncertainty (ILAC-G8)
## A result refused before any verdict.
err-value-not-finite = The value must be a finite number.
err-uncertainty-invalid = The expanded uncertainty must be a number, zero or more.
err-coverage-invalid = The coverage factor must be a number of 1 or more (usually 2).
err-limit-not-finite = A limit must be a finite number.
err-limits-crossed = No value meets both limits: the minimum must be below the maximum.
err-unit-inconvertible = A result in { $from } cannot be stated in the clause's unit, { $to }: they measure different quantities.
err-value-out-of-range = The value is too large to be stated in the clause's unit.
err-category-expected = This clause takes one of its allowed values, not a number.
err-number-expected = This clause takes a measured value with its unit, not a listed value.
err-uncertainty-required = The guard-banded decision rule needs the result's expanded uncertainty.
## Released reports and their revisions.
err-report-released = This report is released and cannot be changed: issue a corrected revision instead.
err-report-not-released = This report is not released yet: edit it rather than revising it.
err-revision-other-request = A revision must correct a report of the same test request.
err-revision-not-latest = This revision has already been corrected: correct its latest revision.
err-revision-not-next = A revision must take the number after the one it corrects.
