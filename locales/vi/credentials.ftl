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
## VC API: chứng chỉ được gửi để ký nhưng bị từ chối.
err-credential-refused = Không thể ký chứng chỉ như đã gửi.
err-malformed-request = Yêu cầu không phải là JSON mà điểm cuối này nhận.
err-vc-not-an-object = Chứng chỉ không phải là một đối tượng JSON.
err-vc-context-missing = Chứng chỉ không có @context.
err-vc-context-not-list = @context của chứng chỉ phải là một danh sách.
err-vc-context-first = @context đầu tiên phải là ngữ cảnh VC 2.0 (https://www.w3.org/ns/credentials/v2).
err-vc-type-malformed = Kiểu (type) phải là một chuỗi hoặc danh sách các chuỗi.
err-vc-type-missing = Kiểu (type) phải có VerifiableCredential.
err-vp-type-missing = Kiểu (type) phải có VerifiablePresentation.
err-vc-id-not-url = Mã định danh (id) phải là một URL.
err-vc-issuer-missing = Chứng chỉ không nêu bên cấp.
err-vc-issuer-no-id = Đối tượng bên cấp không có id.
err-vc-issuer-not-url = Bên cấp phải là một URL.
err-vc-subject-missing = Chứng chỉ cần một credentialSubject không rỗng.
err-vc-date-invalid = Ngày hiệu lực phải là ngày giờ kèm múi giờ (ví dụ 2026-03-21T00:00:00Z).
err-vc-validity-order = validUntil ở trước validFrom.
err-vc-status-untyped = Mỗi mục credentialStatus cần có kiểu (type).
err-vc-entry-untyped = Mỗi mục của thành phần này (termsOfUse, evidence, refreshService, credentialSchema) phải là một đối tượng có kiểu (type).
err-vc-schema-id-not-url = Mỗi mục credentialSchema cần một id là URL.
err-vc-related-resource-id = Mỗi mục relatedResource phải là một đối tượng có id là URL.
err-vc-related-resource-duplicate = Hai mục relatedResource có cùng id.
err-vc-related-resource-no-digest = Mỗi mục relatedResource cần digestSRI hoặc digestMultibase.
err-vp-holder-not-url = Bên nắm giữ (holder) phải là một URL.
err-vc-issuer-not-ours = Bên cấp phải là DID của hệ thống này.
err-vc-already-signed = Chứng chỉ đã có chữ ký (proof).
err-vc-cryptosuite-unsupported = Bộ mật mã phải là eddsa-rdfc-2022 hoặc eddsa-jcs-2022.
err-vc-jsonld-refused = Chứng chỉ dùng một ngữ cảnh mà hệ thống này không có, hoặc một thuật ngữ không ngữ cảnh nào định nghĩa.
## Neo danh tính số của một cơ sở đã đăng ký.
cred-register-name = Sổ đăng ký cơ sở sản xuất Tashil
err-unit-closed = Cơ sở đã đóng cửa: sổ đăng ký không còn xác nhận danh tính của cơ sở.
## Đưa giấy phép vào ví số (OpenID for Verifiable Credential Issuance).
cred-wallet-credential-name = Giấy phép (chứng chỉ hợp chuẩn)
cred-wallet-button = Thêm giấy phép này vào ví của tôi
cred-wallet-title = Thêm giấy phép vào ví số
cred-wallet-scan = Quét mã này bằng ví số của bạn, hoặc mở liên kết trên thiết bị có ví, trong vòng { $minutes } phút.
cred-wallet-open = Mở trong ví của tôi
cred-wallet-code-sent = Ví sẽ hỏi mã giao dịch: chúng tôi đã gửi mã đó đến địa chỉ email của bạn.
cred-wallet-back = Quay lại giấy phép
cred-wallet-tx-code-description = Mã đã gửi đến email của bạn
## Giấy chứng nhận in được của một giấy phép (PDF).
cred-certificate-title = Giấy chứng nhận giấy phép
cred-certificate-status = Tình trạng
cred-certificate-scan = Quét mã hoặc mở địa chỉ dưới đây để xem giấy phép này hôm nay có còn hiệu lực hay không.
cred-certificate-printed = In ngày { $date }
cred-certificate-link = Giấy chứng nhận để in (PDF)

# Provincial issuers (ADR 0019)
cred-provincial-issuer-name = Sở Khoa học và Công nghệ { $province }
cred-issuers-title = Đơn vị cấp chứng thư
cred-issuers-intro = Giấy chứng nhận do cơ quan tiêu chuẩn quốc gia ký, hoặc, khi một tỉnh có đơn vị cấp riêng, do cơ quan của tỉnh đó ký cho những giấy chứng nhận tỉnh quyết định (các bước được phân cấp). Mỗi đơn vị cấp có did:web và khóa riêng.
cred-issuers-issuer = Đơn vị cấp
cred-issuers-did = DID (tài liệu của nó)
cred-issuers-province = Tỉnh
cred-issuers-note = Khi đã bật, đơn vị cấp của tỉnh luôn được giữ: các chứng thư nó ký được xác minh theo tài liệu DID của nó chừng nào còn lưu hành.
cred-issuers-enable = Bật đơn vị cấp riêng của tỉnh
cred-issuers-enabled = Từ nay { $province } ký các giấy chứng nhận do cơ quan của tỉnh quyết định.
cred-issuers-unknown = Hãy chọn một tỉnh trong danh sách.
cred-issuers-already-on = Tỉnh này đã có đơn vị cấp riêng.
err-provincial-issuer-on = Tỉnh này đã có đơn vị cấp riêng.
cred-issued-by = Đơn vị cấp

## Trạng thái của chứng chỉ do VC API cấp (POST /credentials/status).
err-credential-status-refused = Không thể thay đổi trạng thái của chứng chỉ như yêu cầu.
err-credential-status-purpose-absent = Chứng chỉ không có mục trạng thái cho mục đích này.
err-credential-status-follows-licence = Đây là chứng chỉ của một giấy phép: trạng thái của nó theo việc đình chỉ hoặc thu hồi giấy phép và được thay đổi trên giấy phép.
err-vc-status-type-unsupported = Mục trạng thái phải có kiểu BitstringStatusListEntry.
err-vc-status-purpose-unsupported = Mục đích trạng thái phải là revocation (thu hồi) hoặc suspension (đình chỉ).
err-vc-status-present = Chứng chỉ đã có credentialStatus: bên cấp tự thêm mục được yêu cầu trong các tùy chọn.
