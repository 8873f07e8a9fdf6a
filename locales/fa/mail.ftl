# اعلان‌های ایمیلی. موضوع یک‌خطی است و متن ساده؛ پیوند صفحه و پانویس پس از متن می‌آیند.
mail-open = در تسهیل ببینید:
mail-footer = تسهیل، میز تسهیل و رفع موانع تولید. این پیام به سبب نقش شما در پرونده یا مصوبهٔ بالا فرستاده شده است.

mail-resolution-assigned-subject = مصوبهٔ جدید برای دستگاه شما { $number }
mail-resolution-assigned-body =
    مصوبه‌ای دستگاه شما را به اقدام موظف کرده است.

    پرونده: { $number }
    اقدام: { $action }
    مهلت: { $deadline }
    مستند انجام: { $proof }

    پیشرفت کار را گزارش کنید و مصوبه را با مستند آن در صفحهٔ مصوبات خود ببندید.

mail-resolution-overdue-subject = مهلت مصوبه گذشته است { $number }
mail-resolution-overdue-body =
    مهلت یک مصوبه بدون انجام آن گذشته است. این مصوبه در جلسهٔ بعد مطرح می‌شود.

    پرونده: { $number }
    اقدام: { $action }
    مهلت: { $deadline }

mail-case-info-requested-subject = اطلاعات بیشتر برای پروندهٔ { $number }
mail-case-info-requested-body =
    کمیتهٔ فنی برای پروندهٔ { $number } ({ $title }) اطلاعات بیشتری خواسته است:

    { $note }

    پاسخ را در صفحهٔ پرونده بنویسید؛ پرونده پس از آن به کمیته بازمی‌گردد.

mail-case-resolved-subject = پروندهٔ { $number }: رفع مانع را تأیید کنید
mail-case-resolved-body =
    همهٔ مصوبات پروندهٔ { $number } ({ $title }) را دستگاه‌های مسئول انجام داده‌اند.

    اگر مانع برطرف شده است، آن را در صفحهٔ پرونده تأیید کنید تا پرونده حل‌شده بسته شود.

mail-case-closed-subject = پروندهٔ { $number } بسته شد
mail-case-closed-body =
    کمیتهٔ فنی پروندهٔ { $number } ({ $title }) را بست.

    دلیل: { $reason }

mail-test-subject = پیام آزمایشی تسهیل
mail-test-body = اگر این پیام را می‌خوانید، این نصب تسهیل می‌تواند ایمیل بفرستد.

mail-case-disputed-subject = پروندهٔ { $number }: مانع هنوز باقی است
mail-case-disputed-body =
    گزارش‌دهندهٔ پروندهٔ { $number } ({ $title }) اعلام کرده است که با وجود گزارش انجام همهٔ مصوبات، مانع هنوز باقی است:

    { $note }

    پرونده به صف کمیتهٔ فنی بازگشته است.

mail-meeting-agenda-subject = { $body }: جلسهٔ { $held_on }
mail-meeting-agenda-body =
    { $body } در { $held_on } تشکیل می‌شود. دستور جلسه:

    { $items }

mail-licence-renewal-due-subject = { $days } روز تا پایان اعتبار پروانهٔ { $number }
mail-licence-renewal-due-body =
    { $permit } شمارهٔ { $number } تا { $deadline } معتبر است؛ { $days } روز دیگر.

    پیش از آن درخواست تمدید بدهید: درخواست تمدید با فرآورده‌ها و نشان‌های تجاری پروانه از پیش پر شده است.

mail-application-message-subject = پیام تازه دربارهٔ درخواست { $code }
mail-application-message-body =
    پیامی تازه دربارهٔ درخواست { $permit } با کد پیگیری { $code } نوشته شده است.
mail-wallet-offer-subject = کد شما برای افزودن پروانهٔ { $number } به کیف پول
mail-wallet-offer-body =
    خواسته‌اید پروانهٔ { $number } را به کیف پول دیجیتال خود بیفزایید. هنگامی که کیف پول کد تراکنش را خواست، این را وارد کنید:

    { $code }

    این کد یک بار و تا { $minutes } دقیقه کار می‌کند. اگر شما این را نخواسته‌اید، این پیام را نادیده بگیرید: بی این کد چیزی صادر نمی‌شود.

mail-instrument-calibration-due-subject = موعد کالیبراسیون دستگاه { $code }: { $deadline }
mail-instrument-calibration-due-body =
    موعد کالیبراسیون دستگاه { $code } ({ $name }) { $deadline } است.

    پیش از آن دستگاه را کالیبره کنید و گواهی تازه را ثبت کنید: نتایجی که پس از آن روز با این دستگاه اندازه‌گیری شود پذیرفته نمی‌شود.

mail-instrument-overdue-subject = موعد کالیبراسیون دستگاه { $code } گذشته است
mail-instrument-overdue-body =
    موعد کالیبراسیون دستگاه { $code } ({ $name }) { $deadline } بود.

    تا گواهی کالیبراسیون تازه‌ای ثبت نشود، نتایجی که با این دستگاه اندازه‌گیری شود پذیرفته نمی‌شود.

mail-test-report-released-subject = گزارش آزمون درخواست { $request } منتشر شد: { $verdict ->
        [pass] منطبق
        [fail] نامنطبق
       *[other] نامعین
    }
mail-test-report-released-body =
    آزمایشگاه ویرایش { $revision } گزارش آزمون درخواست { $request } شما ({ $designation }) را منتشر کرد.

    حکم: { $verdict ->
        [pass] همهٔ بندهای آزمون‌شده منطبق‌اند.
        [fail] دست‌کم یک بند نامنطبق است.
       *[other] نامعین: عدم قطعیت دست‌کم در یک بند از حد می‌گذرد.
    }

mail-quality-advice-subject = توصیهٔ کیفی دربارهٔ { $characteristic }: { $trigger }
mail-quality-advice-body =
    نمودار کنترل { $characteristic } ({ $name }) این را نشان می‌دهد: { $trigger }.
    زیرگروه‌ها: { $points }.

    بررسی پیشنهادی: { $check }

    لطفاً علت و اقدام را تا { $deadline } ثبت کنید. اگر پاسخ داده نشود، توصیه به صف کیفیت اداره‌کل استان می‌رود.

mail-quality-advice-escalated-subject = ارجاع توصیهٔ کیفی: { $unit }، { $characteristic }
mail-quality-advice-escalated-body =
    توصیه‌ای به { $unit } دربارهٔ { $characteristic } ({ $name }) به صف کیفیت استان رسید: { $reason }.
    آنچه یافت شد: { $trigger }.
mail-complaint-update-subject = شکایت شما درباره { $product }: { $state }
mail-complaint-update-body =
    اداره‌ای که به شکایت شما درباره { $product } رسیدگی می‌کند آن را به‌روز کرد. وضعیت کنونی: { $state }.

    { $reply }
