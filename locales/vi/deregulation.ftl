# Danh mục quy định đề nghị cắt giảm (seeds 002, 003).
dereg-register = Danh mục quy định đề nghị cắt giảm
dereg-board = Hội đồng rà soát, cắt giảm quy định
field-rule-title = Quy định
field-source = Căn cứ pháp lý (luật, nghị định hoặc thông tư, và điều khoản)
field-issuing-agency = Cơ quan ban hành
field-annual-cost = Chi phí hằng năm
field-hours-lost = Số giờ mất đi mỗi năm
field-decision-text = Nội dung quyết định
regulation-status-reported = Đã báo cáo
regulation-status-under-review = Đang xem xét
regulation-status-decided = Đã quyết định
regulation-status-published = Đã công bố
regulation-decision-remove = Bãi bỏ
regulation-decision-amend = Sửa đổi
regulation-decision-keep = Giữ nguyên
err-regulation-state-conflict = Không thể thực hiện ở giai đoạn hiện tại của báo cáo.
