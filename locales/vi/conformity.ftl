## Đánh giá sự phù hợp: kết luận về kết quả thử nghiệm và quy tắc quyết định.
conformity-verdict-pass = Đạt
conformity-verdict-fail = Không đạt
conformity-verdict-inconclusive = Không kết luận được
conformity-rule-simple-acceptance = Chấp nhận đơn giản (rủi ro chia sẻ: chỉ xét giá trị đo)
conformity-rule-guard-banded = Dải bảo vệ bằng độ không đảm bảo đo (ILAC-G8)
## Kết quả bị từ chối trước khi kết luận.
err-value-not-finite = Giá trị phải là một số hữu hạn.
err-uncertainty-invalid = Độ không đảm bảo đo mở rộng phải là một số, bằng 0 hoặc lớn hơn.
err-coverage-invalid = Hệ số phủ phải là một số từ 1 trở lên (thường là 2).
err-limit-not-finite = Giới hạn phải là một số hữu hạn.
err-limits-crossed = Không có giá trị nào thỏa cả hai giới hạn: giá trị tối thiểu phải nhỏ hơn giá trị tối đa.
err-unit-inconvertible = Không thể biểu thị kết quả tính bằng { $from } theo đơn vị của điều khoản, { $to }: hai đơn vị đo các đại lượng khác nhau.
err-value-out-of-range = Giá trị quá lớn để biểu thị theo đơn vị của điều khoản.
err-category-expected = Điều khoản này nhận một trong các giá trị cho phép, không nhận số.
err-number-expected = Điều khoản này nhận giá trị đo kèm đơn vị, không nhận giá trị trong danh sách.
err-uncertainty-required = Quy tắc quyết định có dải bảo vệ cần độ không đảm bảo đo mở rộng của kết quả.
## Phiếu kết quả đã ban hành và các lần sửa đổi.
err-report-released = Phiếu kết quả này đã ban hành và không thể thay đổi: hãy ban hành một lần sửa đổi thay thế.
err-report-not-released = Phiếu kết quả này chưa ban hành: hãy sửa trực tiếp thay vì tạo lần sửa đổi.
err-revision-other-request = Lần sửa đổi phải sửa phiếu kết quả của cùng một yêu cầu thử nghiệm.
err-revision-not-latest = Lần sửa đổi này đã được sửa: hãy sửa lần sửa đổi mới nhất.
err-revision-not-next = Lần sửa đổi phải mang số liền sau lần mà nó sửa.
