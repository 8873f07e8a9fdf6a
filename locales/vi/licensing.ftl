## Giấy phép và giấy chứng nhận

err-application-changed = Hồ sơ đã chuyển bước sau khi bạn mở. Hãy tải lại và xử lý ở bước hiện tại.
err-application-final = Hồ sơ đã kết thúc, không thể xử lý thêm.
err-not-your-turn = Ở bước này, việc này không thuộc thẩm quyền của bạn.
err-not-consent-step = Bước này không mặc nhiên được thông qua khi quá hạn.
err-appeal-used = Quyền khiếu nại duy nhất đã được sử dụng.
err-invalid-code = Chỉ dùng chữ thường, chữ số và dấu gạch ngang.
err-step-count = Mỗi loại giấy phép có từ 1 đến 20 bước.
err-issue-last = Bước cấp giấy phải là bước cuối cùng và chỉ ở đó.
err-unknown-step = Loại giấy phép không có bước với mã này.
err-issue-kept = Không thể bỏ qua bước cấp giấy.
err-condition-required = Hãy nêu ít nhất một điều kiện có đánh số của loại giấy phép.
err-unknown-condition = Loại giấy phép không có điều kiện mang số này.
err-product-count = Nêu từ 1 đến 50 sản phẩm.
err-no-mandatory-standard = Không có quy chuẩn bắt buộc nào đang hiệu lực áp dụng cho mã HS này.
err-no-unit = Tổ chức của bạn chưa có cơ sở sản xuất được đăng ký.
err-unknown-permit-type = Không có loại giấy phép với mã này dành cho cơ sở của bạn.
err-code-mismatch = Mã trong địa chỉ và trong nội dung không khớp.
err-entry-count = Tệp chứa từ 1 đến 200 loại giấy phép.
err-country-fixed = Không thể đổi quốc gia của một loại giấy phép.
err-no-steps = Loại giấy phép không còn bước nào để thực hiện.

## Giấy phép sau khi cấp (đình chỉ, thu hồi, bỏ đình chỉ, hết hạn; sổ đăng ký công khai)
err-licence-changed = Giấy phép đã thay đổi từ khi bạn mở. Hãy tải lại và quyết định lại.
err-licence-final = Giấy phép đã bị thu hồi hoặc hết hạn: không thể thay đổi gì thêm.
err-licence-not-suspended = Chỉ giấy phép đang bị đình chỉ mới được bỏ đình chỉ.
err-licence-suspended = Giấy phép đang bị đình chỉ.
err-licence-past-validity = Giấy phép đã hết hiệu lực: không thể khôi phục.
field-reason = Lý do
field-legal-basis = Căn cứ pháp lý (luật hoặc nghị định, và điều khoản)
err-licence-not-renewable = Chỉ giấy phép còn hiệu lực mới được gia hạn; hãy nộp hồ sơ mới cho giấy phép này.
err-no-renewal-type = Chưa có loại giấy phép nào dùng để gia hạn loại giấy phép này.

## Licensing pages: public tracking
lic-track-title = Tra cứu hồ sơ
lic-track-intro = Nhập mã tra cứu bạn nhận được khi nộp hồ sơ.
lic-track-another = Tra cứu hồ sơ khác
lic-field-tracking-code = Mã tra cứu
lic-field-province = Tỉnh
lic-field-status = Trạng thái
lic-field-submitted = Ngày nộp
lic-field-decided = Ngày quyết định
lic-by-silence = chấp thuận do quá hạn không trả lời
lic-steps = Các bước
lic-due = hạn
lic-status-in_progress = Đang xử lý
lic-status-issued = Đã cấp
lic-status-rejected = Bị từ chối
lic-status-appealed = Đang khiếu nại
lic-status-withdrawn = Đã rút
lic-outcome-passed = đạt
lic-outcome-consent = chấp thuận do quá hạn
lic-outcome-skipped = bỏ qua (thủ tục rút gọn)
lic-outcome-rejected = từ chối
lic-outcome-withdrawn = đã rút

## Lead-time figures
lic-lead-title = Thời gian cấp phép
lic-lead-intro = Thời gian cấp phép theo từng tháng: số hồ sơ nhận và đã quyết định, trung vị và phân vị 90 của số ngày làm việc từ khi nộp đến khi quyết định, tỷ lệ trả lời đúng hạn ở mọi bước, và tỷ lệ cấp do quá hạn không trả lời.
lic-field-permit-type = Loại giấy phép
lic-field-country = Quốc gia
lic-field-year = Năm
lic-lead-all-types = Mọi loại giấy phép
lic-lead-whole-country = Toàn quốc
lic-lead-show = Xem
lic-lead-received = Đã nhận
lic-lead-issued = Đã cấp
lic-lead-rejected = Bị từ chối
lic-lead-median = Trung vị ngày làm việc
lic-lead-p90 = Phân vị 90 (ngày làm việc)
lic-lead-on-time = Trả lời đúng hạn
lic-lead-silence = Quyết định do im lặng
lic-lead-chart = Trung vị ngày làm việc theo tháng
lic-lead-by-month = Theo tháng
lic-lead-csv = Tải các số liệu này (CSV)
lic-lead-month = Tháng
lic-lead-total = Cả năm
lic-percent = { $value }%

## The public register page and navigation
nav-licences = Sổ đăng ký giấy phép
nav-lead-times = Thời gian cấp phép
nav-track = Tra cứu hồ sơ
lic-register-title = Sổ đăng ký giấy phép
lic-register-intro = Mọi giấy chứng nhận hợp chuẩn và giấy phép đã cấp, với chủ sở hữu, sản phẩm và nhãn hiệu, thời hạn và tình trạng. Tìm kiếm với mọi cách viết.
lic-register-q = Chủ sở hữu, mã số, số giấy phép, sản phẩm hoặc nhãn hiệu
lic-register-any-status = Mọi tình trạng
lic-register-found = Tìm thấy { $count } giấy phép.
lic-register-found-more = Tìm thấy hơn { $count } giấy phép; hãy thu hẹp tìm kiếm.
lic-register-number = Số giấy phép
lic-register-holder = Chủ sở hữu
lic-register-products = Sản phẩm và nhãn hiệu (tiêu chuẩn)
lic-register-valid-until = Hiệu lực đến
lic-register-next = Trang sau
lic-licence-status-active = Còn hiệu lực
lic-licence-status-suspended = Bị đình chỉ
lic-licence-status-revoked = Bị thu hồi
lic-licence-status-expired = Hết hạn

## Application pages
nav-applications = Hồ sơ
lic-applications-title = Hồ sơ xin cấp phép
lic-applications-none = Chưa có hồ sơ nào.
lic-apply-title = Nộp hồ sơ xin cấp phép
lic-apply-intro = Ghi từng sản phẩm với nhãn hiệu và mã HS; quy chuẩn bắt buộc áp dụng được tìm từ danh mục.
lic-previous = Trang trước
lic-field-product = Sản phẩm
lic-field-brand = Nhãn hiệu
lic-field-hs = Mã HS
lic-field-message = Lời nhắn cho cơ quan (không bắt buộc)
lic-apply-submit = Nộp hồ sơ
lic-fast-tracked = Thủ tục rút gọn: áp dụng quy tắc «{ $rule }», một số bước được bỏ qua.
lic-rejection = Từ chối
lic-field-note = Ghi chú (không bắt buộc)
lic-move-pass = Duyệt bước này
lic-field-conditions = Điều kiện chưa đáp ứng (ít nhất một)
lic-field-explanation = Giải thích
lic-move-reject = Từ chối
lic-move-withdraw = Rút hồ sơ
lic-move-reopen = Mở lại (chấp nhận khiếu nại)
lic-move-uphold = Giữ nguyên quyết định từ chối
lic-field-appeal = Lý do đề nghị xem xét lại
lic-move-appeal = Khiếu nại lên cơ quan trung ương
lic-messages = Tin nhắn
lic-from-applicant = từ người nộp
lic-from-office = từ cơ quan
lic-decided-nationally = cơ quan trung ương quyết định
lic-decided-by-province = cơ quan của { $province } quyết định

# Documents and messages on an application
lic-documents = Tài liệu
lic-document-required = bắt buộc
lic-document-missing = chưa tải lên
lic-document-which = Tài liệu nào
lic-document-file = Tệp
lic-document-from = Người gửi
lic-document-at = Thời điểm tải lên
lic-document-other = Tài liệu khác
lic-document-upload = Tải tài liệu lên
lic-message-new = Tin nhắn mới
lic-message-send = Gửi tin nhắn
err-unknown-document = Loại giấy phép không có tài liệu này: hãy chọn một mục trong danh sách hoặc «Tài liệu khác».
err-reserved-code = Mã này dành cho «Tài liệu khác»: hãy chọn mã khác.
