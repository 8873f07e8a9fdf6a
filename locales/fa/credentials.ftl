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
## رابط VC: اعتبارنامه‌ای که برای امضا داده شده و پذیرفته نشده است.
err-credential-refused = این اعتبارنامه به همین صورت امضاشدنی نیست.
err-malformed-request = درخواست، JSONی که این نشانی می‌پذیرد نیست.
err-vc-not-an-object = اعتبارنامه یک شیء JSON نیست.
err-vc-context-missing = اعتبارنامه @context ندارد.
err-vc-context-not-list = @context اعتبارنامه باید فهرست باشد.
err-vc-context-first = نخستین @context باید زمینهٔ VC 2.0 باشد (https://www.w3.org/ns/credentials/v2).
err-vc-type-malformed = نوع (type) باید یک رشته یا فهرستی از رشته‌ها باشد.
err-vc-type-missing = نوع (type) باید VerifiableCredential را در بر داشته باشد.
err-vp-type-missing = نوع (type) باید VerifiablePresentation را در بر داشته باشد.
err-vc-id-not-url = شناسه (id) باید یک نشانی URL باشد.
err-vc-issuer-missing = اعتبارنامه صادرکننده‌ای نام نمی‌برد.
err-vc-issuer-no-id = شیء صادرکننده شناسه (id) ندارد.
err-vc-issuer-not-url = صادرکننده باید یک نشانی URL باشد.
err-vc-subject-missing = اعتبارنامه به credentialSubject ناتهی نیاز دارد.
err-vc-date-invalid = تاریخ اعتبار باید تاریخ و ساعت همراه با اختلاف زمانی باشد (مانند 2026-03-21T00:00:00Z).
err-vc-validity-order = validUntil پیش از validFrom است.
err-vc-status-untyped = هر مدخل credentialStatus به نوع (type) نیاز دارد.
err-vc-entry-untyped = هر مدخل این عضو (termsOfUse، evidence، refreshService، credentialSchema) باید شیئی با نوع (type) باشد.
err-vc-schema-id-not-url = هر مدخل credentialSchema به شناسه‌ای (id) نیاز دارد که نشانی URL باشد.
err-vc-related-resource-id = هر مدخل relatedResource باید شیئی باشد که شناسهٔ (id) آن نشانی URL است.
err-vc-related-resource-duplicate = دو مدخل relatedResource شناسهٔ (id) یکسان دارند.
err-vc-related-resource-no-digest = هر مدخل relatedResource به digestSRI یا digestMultibase نیاز دارد.
err-vp-holder-not-url = دارنده (holder) باید یک نشانی URL باشد.
err-vc-issuer-not-ours = صادرکننده باید DID همین سامانه باشد.
err-vc-already-signed = اعتبارنامه از پیش امضا (proof) دارد.
err-vc-cryptosuite-unsupported = مجموعهٔ رمزنگاری باید eddsa-rdfc-2022 یا eddsa-jcs-2022 باشد.
err-vc-jsonld-refused = اعتبارنامه زمینه‌ای به کار برده که این سامانه ندارد، یا واژه‌ای که هیچ زمینه‌ای تعریف نکرده است.
## لنگر هویت دیجیتال یک واحد ثبت‌شده.
cred-register-name = دفتر ثبت واحدهای تولیدی تسهیل
err-unit-closed = این واحد تعطیل شده است: دفتر ثبت دیگر هویت آن را گواهی نمی‌کند.
## افزودن پروانه به کیف پول دیجیتال (OpenID for Verifiable Credential Issuance).
cred-wallet-credential-name = پروانه (اعتبارنامهٔ انطباق)
cred-wallet-button = افزودن این پروانه به کیف پول من
cred-wallet-title = افزودن پروانه به کیف پول دیجیتال
cred-wallet-scan = این کد را تا { $minutes } دقیقهٔ دیگر با کیف پول دیجیتال خود بخوانید، یا پیوند را در دستگاهی که کیف پول روی آن است باز کنید.
cred-wallet-open = باز کردن در کیف پول من
cred-wallet-code-sent = کیف پول از شما کد تراکنش می‌خواهد: آن را به نشانی رایانامهٔ شما فرستادیم.
cred-wallet-back = بازگشت به پروانه
cred-wallet-tx-code-description = کدی که به رایانامهٔ شما فرستاده شد
## گواهی چاپی یک پروانه (PDF).
cred-certificate-title = گواهی پروانه
cred-certificate-status = وضعیت
cred-certificate-scan = برای دیدن این‌که این پروانه امروز برقرار است، کد را اسکن کنید یا نشانی زیر را باز کنید.
cred-certificate-printed = تاریخ چاپ: { $date }
cred-certificate-link = گواهی چاپی (PDF)

# Provincial issuers (ADR 0019)
cred-provincial-issuer-name = ادارهٔ کل استاندارد استان { $province }
cred-issuers-title = صادرکنندگان گواهی
cred-issuers-intro = پروانه‌ها را سازمان ملی استاندارد امضا می‌کند، یا اگر استانی صادرکنندهٔ خود را دارد، ادارهٔ آن استان پروانه‌هایی را که خود تصمیم گرفته است (مراحل تفویض‌شده). هر صادرکننده did:web و کلیدهای خود را دارد.
cred-issuers-issuer = صادرکننده
cred-issuers-did = شناسهٔ غیرمتمرکز (سند آن)
cred-issuers-province = استان
cred-issuers-note = صادرکنندهٔ استان پس از روشن شدن روشن می‌ماند: گواهی‌هایی که امضا می‌کند تا زمانی که در گردش‌اند با سند DID آن تأیید می‌شوند.
cred-issuers-enable = روشن کردن صادرکنندهٔ خود استان
cred-issuers-enabled = از این پس { $province } پروانه‌هایی را که اداره‌اش تصمیم می‌گیرد امضا می‌کند.
cred-issuers-unknown = استانی از فهرست برگزینید.
cred-issuers-already-on = این استان صادرکنندهٔ خود را از پیش دارد.
err-provincial-issuer-on = این استان صادرکنندهٔ خود را از پیش دارد.
cred-issued-by = صادرکننده

## وضعیت اعتبارنامه‌ای که VC API صادر کرده است (POST /credentials/status).
err-credential-status-refused = وضعیت این اعتبارنامه را نمی‌توان به خواستهٔ شما تغییر داد.
err-credential-status-purpose-absent = این اعتبارنامه برای این منظور درایهٔ وضعیت ندارد.
err-credential-status-follows-licence = این اعتبارنامهٔ یک پروانه است: وضعیتش از تعلیق یا ابطال پروانه پیروی می‌کند و باید روی خود پروانه تغییر کند.
err-vc-status-type-unsupported = درایهٔ وضعیت باید از نوع BitstringStatusListEntry باشد.
err-vc-status-purpose-unsupported = منظور وضعیت باید revocation (ابطال) یا suspension (تعلیق) باشد.
err-vc-status-present = اعتبارنامه از پیش credentialStatus دارد: صادرکننده آنچه را در گزینه‌ها خواسته شده خودش می‌افزاید.
