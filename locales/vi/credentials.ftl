## Chứng chỉ số có thể xác minh: trang xác minh công khai.
cred-issuer-name = Cơ quan tiêu chuẩn quốc gia
cred-verify-title = Xác minh giấy phép
cred-status-valid = Còn hiệu lực: giấy phép này đang có hiệu lực.
cred-status-suspended = Bị đình chỉ: giấy phép này không có hiệu lực trong thời gian đình chỉ.
cred-status-revoked = Bị thu hồi: giấy phép này không còn hiệu lực.
cred-status-expired = Hết hạn: giấy phép này đã quá thời hạn hiệu lực.
cred-number = Số giấy phép
cred-holder = Người được cấp
cred-products = Sản phẩm
cred-standards = Tiêu chuẩn
cred-valid-from = Hiệu lực từ
cred-valid-until = Hiệu lực đến
cred-download = Chứng chỉ đã ký:
cred-verification = Xác minh
err-credential-key-missing = Máy chủ này không có khóa chứng chỉ (TASHIL_CREDENTIAL_KEY): nó xác minh nhưng không cấp chứng chỉ.
err-credential-key-mismatch = Khóa chứng chỉ của máy chủ này không mở được các khóa của bên cấp đã lưu.
err-credential-unsignable = Không thể ký chứng chỉ.
