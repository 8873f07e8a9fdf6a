## گواهی‌های دیجیتال تأییدپذیر: صفحهٔ عمومی استعلام.
cred-issuer-name = سازمان ملی استاندارد
cred-verify-title = استعلام پروانه
cred-status-valid = معتبر: این پروانه برقرار است.
cred-status-suspended = تعلیق‌شده: این پروانه در مدت تعلیق اعتبار ندارد.
cred-status-revoked = ابطال‌شده: این پروانه دیگر اعتبار ندارد.
cred-status-expired = منقضی: مدت اعتبار این پروانه گذشته است.
cred-number = شمارهٔ پروانه
cred-holder = دارنده
cred-products = فراورده‌ها
cred-standards = استانداردها
cred-valid-from = معتبر از
cred-valid-until = معتبر تا
cred-download = گواهی امضاشده:
cred-verification = استعلام
err-credential-key-missing = این کارساز کلید گواهی (TASHIL_CREDENTIAL_KEY) ندارد: گواهی‌ها را وارسی می‌کند ولی صادر نمی‌کند.
err-credential-key-mismatch = کلید گواهی این کارساز کلیدهای ذخیره‌شدهٔ صادرکننده را نمی‌گشاید.
err-credential-unsignable = امضای گواهی ممکن نشد.
