## پروانه‌ها و مجوزها

err-application-changed = درخواست پس از باز کردن شما پیش رفته است. آن را دوباره باز کنید و روی گام کنونی اقدام کنید.
err-application-final = پروندهٔ درخواست بسته شده است و اقدام دیگری ممکن نیست.
err-not-your-turn = این اقدام در این مرحله با شما نیست.
err-not-consent-step = سکوت در این گام به معنای موافقت نیست.
err-appeal-used = درخواست تجدیدنظر یک بار ممکن است و استفاده شده است.
err-invalid-code = فقط حروف کوچک لاتین، رقم و خط تیره.
err-step-count = هر نوع مجوز ۱ تا ۲۰ گام دارد.
err-issue-last = گام صدور آخرین گام است و فقط همان‌جا.
err-unknown-step = این نوع مجوز گامی با این کد ندارد.
err-issue-kept = گام صدور را نمی‌توان حذف کرد.
err-condition-required = دست‌کم یکی از شرط‌های شماره‌دار این نوع مجوز را ذکر کنید.
err-unknown-condition = این نوع مجوز شرطی با این شماره ندارد.
err-product-count = ۱ تا ۵۰ فرآورده نام ببرید.
err-no-mandatory-standard = هیچ استاندارد اجباری معتبری این کد تعرفه را پوشش نمی‌دهد.
err-no-unit = سازمان شما واحد تولیدی ثبت‌شده‌ای ندارد.
err-unknown-permit-type = نوع مجوزی با این کد برای واحد شما وجود ندارد.
err-code-mismatch = کد در نشانی و در متن درخواست یکی نیست.
err-entry-count = پرونده باید ۱ تا ۲۰۰ نوع مجوز داشته باشد.
err-country-fixed = کشورِ یک نوع مجوز تغییر نمی‌کند.
err-no-steps = این نوع مجوز گامی برای انجام باقی نمی‌گذارد.

## پروانه پس از صدور (تعلیق، ابطال، رفع تعلیق، انقضا؛ فهرست عمومی)
err-licence-changed = پروانه پس از گشودن شما تغییر کرده است. آن را دوباره باز کنید و از نو تصمیم بگیرید.
err-licence-final = پروانه باطل شده یا منقضی است: دیگر چیزی آن را تغییر نمی‌دهد.
err-licence-not-suspended = تنها تعلیقِ پروانهٔ معلق رفع می‌شود.
err-licence-suspended = پروانه هم‌اکنون معلق است.
err-licence-past-validity = اعتبار پروانه پایان یافته است: نمی‌توان آن را دوباره برقرار کرد.
field-reason = دلیل
field-legal-basis = مبنای قانونی (قانون یا آیین‌نامه، و ماده)
err-licence-not-renewable = تنها پروانهٔ معتبر تمدید می‌شود؛ برای این یکی از نو درخواست دهید.
err-no-renewal-type = هنوز نوع مجوزی برای تمدید این نوع پروانه تعریف نشده است.

## Licensing pages: public tracking
lic-track-title = پیگیری درخواست
lic-track-intro = کد رهگیری‌ای را که هنگام ثبت درخواست دریافت کردید وارد کنید.
lic-track-another = پیگیری درخواستی دیگر
lic-field-tracking-code = کد رهگیری
lic-field-province = استان
lic-field-status = وضعیت
lic-field-submitted = تاریخ ثبت
lic-field-decided = تاریخ تصمیم
lic-by-silence = تأیید با سکوت (بی‌پاسخ در مهلت)
lic-steps = مراحل
lic-due = مهلت
lic-status-in_progress = در جریان
lic-status-issued = صادر شده
lic-status-rejected = رد شده
lic-status-appealed = در تجدیدنظر
lic-status-withdrawn = منصرف شده
lic-outcome-passed = انجام شد
lic-outcome-consent = تأیید با سکوت
lic-outcome-skipped = حذف‌شده (مسیر سریع)
lic-outcome-rejected = رد شد
lic-outcome-withdrawn = منصرف شد

## Lead-time figures
lic-lead-title = زمان صدور مجوزها
lic-lead-intro = مدت صدور مجوزها، ماه به ماه: درخواست‌های دریافت‌شده و تصمیم‌گرفته‌شده، میانه و صدک نودمِ روزهای کاری از درخواست تا تصمیم، سهم پاسخ‌های به‌موقع در همهٔ مراحل، و سهم صدور با سکوت.
lic-field-permit-type = نوع مجوز
lic-field-country = کشور
lic-field-year = سال
lic-lead-all-types = همهٔ انواع مجوز
lic-lead-whole-country = کل کشور
lic-lead-show = نمایش
lic-lead-received = دریافت‌شده
lic-lead-issued = صادرشده
lic-lead-rejected = ردشده
lic-lead-median = میانهٔ روزهای کاری
lic-lead-p90 = صدک نودم (روز کاری)
lic-lead-on-time = پاسخ به‌موقع
lic-lead-silence = تصمیم با سکوت
lic-lead-chart = میانهٔ روزهای کاری در هر ماه
lic-lead-by-month = ماه به ماه
lic-lead-csv = دریافت این ارقام (CSV)
lic-lead-month = ماه
lic-lead-total = کل سال
lic-percent = { $value }٪

## The public register page and navigation
nav-licences = فهرست پروانه‌ها
nav-lead-times = زمان صدور مجوزها
nav-track = پیگیری درخواست
lic-register-title = فهرست پروانه‌ها
lic-register-intro = همهٔ پروانه‌های کاربرد علامت استاندارد و مجوزهای صادرشده، با دارنده، فراورده‌ها و نشان‌های تجاری، اعتبار و وضعیت. با هر املا و خطی جست‌وجو کنید.
lic-register-q = دارنده، شناسهٔ ملی، شمارهٔ پروانه، فراورده یا نشان تجاری
lic-register-any-status = هر وضعیتی
lic-register-found = { $count } پروانه یافت شد.
lic-register-found-more = بیش از { $count } پروانه یافت شد؛ جست‌وجو را دقیق‌تر کنید.
lic-register-number = شمارهٔ پروانه
lic-register-holder = دارنده
lic-register-products = فراورده‌ها و نشان‌ها (استاندارد)
lic-register-valid-until = معتبر تا
lic-register-next = صفحهٔ بعد
lic-licence-status-active = معتبر
lic-licence-status-suspended = معلق
lic-licence-status-revoked = باطل‌شده
lic-licence-status-expired = منقضی

## Application pages
nav-applications = درخواست‌ها
lic-applications-title = درخواست‌های مجوز
lic-applications-none = هنوز درخواستی اینجا نیست.
lic-apply-title = درخواست پروانه
lic-apply-intro = هر فراورده را با نشان تجاری و کد تعرفه (HS) آن بنویسید؛ استاندارد اجباری مربوط از فهرست استانداردها پیدا می‌شود.
lic-previous = صفحهٔ قبل
lic-field-product = فراورده
lic-field-brand = نشان تجاری
lic-field-hs = کد تعرفه (HS)
lic-field-message = پیام به اداره (اختیاری)
lic-apply-submit = ثبت درخواست
lic-fast-tracked = مسیر سریع: قاعدهٔ «{ $rule }» اعمال شد و برخی مراحل حذف شدند.
lic-rejection = رد درخواست
lic-field-note = یادداشت (اختیاری)
lic-move-pass = تأیید این مرحله
lic-field-conditions = شرط‌های برآورده‌نشده (دست‌کم یکی)
lic-field-explanation = توضیح
lic-move-reject = رد
lic-move-withdraw = انصراف از درخواست
lic-move-reopen = بازگشایی (پذیرش تجدیدنظر)
lic-move-uphold = تأیید رد درخواست
lic-field-appeal = چرا رد درخواست باید بازبینی شود
lic-move-appeal = تجدیدنظرخواهی نزد سازمان ملی
lic-messages = پیام‌ها
lic-from-applicant = از متقاضی
lic-from-office = از اداره
lic-decided-nationally = تصمیم با سازمان ملی
lic-decided-by-province = تصمیم با ادارهٔ کل { $province }

# Documents and messages on an application
lic-documents = مدارک
lic-document-required = الزامی
lic-document-missing = هنوز بارگذاری نشده
lic-document-which = کدام مدرک
lic-document-file = پرونده
lic-document-from = فرستنده
lic-document-at = زمان بارگذاری
lic-document-other = مدرک دیگر
lic-document-upload = بارگذاری مدرک
lic-message-new = پیام تازه
lic-message-send = فرستادن پیام
err-unknown-document = نوع پروانه چنین مدرکی ندارد: یکی از فهرست یا «مدرک دیگر» را برگزینید.
err-reserved-code = این کد برای «مدرک دیگر» نگه داشته شده است؛ کد دیگری برگزینید.
