# ثبت مقررات زائد و پرهزینه (seeds 002, 003).
dereg-register = ثبت مقررات زائد و پرهزینه
dereg-board = هیئت مقررات‌زدایی
field-rule-title = مقرره
field-source = مستند قانونی (قانون، آیین‌نامه یا بخشنامه و ماده)
field-issuing-agency = دستگاه صادرکننده
field-annual-cost = هزینهٔ سالانه
field-hours-lost = ساعت‌های ازدست‌رفته در سال
field-decision-text = متن تصمیم
regulation-status-reported = گزارش‌شده
regulation-status-under-review = در حال بررسی
regulation-status-decided = تصمیم‌گیری‌شده
regulation-status-published = منتشرشده
regulation-decision-remove = حذف
regulation-decision-amend = اصلاح
regulation-decision-keep = ابقا
err-regulation-state-conflict = در مرحلهٔ کنونی این گزارش این کار ممکن نیست.
