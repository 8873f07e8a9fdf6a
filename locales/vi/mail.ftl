# Thông báo qua email. Tiêu đề một dòng; nội dung văn bản thuần. Liên kết và chân thư được thêm sau nội dung.
mail-open = Mở trong Tashil:
mail-footer = Tashil, bộ phận tháo gỡ khó khăn cho sản xuất. Bạn nhận thư này vì vai trò của bạn trong hồ sơ hoặc kết luận nêu trên.

mail-resolution-assigned-subject = Kết luận mới giao cho cơ quan của bạn { $number }
mail-resolution-assigned-body =
    Một kết luận giao cơ quan của bạn thực hiện.

    Hồ sơ: { $number }
    Nhiệm vụ: { $action }
    Thời hạn: { $deadline }
    Minh chứng hoàn thành: { $proof }

    Báo cáo tiến độ và đóng kết luận kèm minh chứng trên trang kết luận của bạn.

mail-resolution-overdue-subject = Kết luận đã quá hạn { $number }
mail-resolution-overdue-body =
    Một kết luận đã quá hạn mà chưa hoàn thành. Kết luận sẽ được nêu tại phiên họp tới.

    Hồ sơ: { $number }
    Nhiệm vụ: { $action }
    Thời hạn: { $deadline }

mail-case-info-requested-subject = Cần bổ sung thông tin cho hồ sơ { $number }
mail-case-info-requested-body =
    Ban kỹ thuật đề nghị bổ sung thông tin cho hồ sơ { $number } ({ $title }):

    { $note }

    Hãy trả lời trên trang hồ sơ; hồ sơ sẽ được chuyển lại ban kỹ thuật.

mail-case-resolved-subject = Hồ sơ { $number }: đề nghị xác nhận đã được giải quyết
mail-case-resolved-body =
    Các cơ quan chủ trì đã hoàn thành mọi kết luận của hồ sơ { $number } ({ $title }).

    Nếu vướng mắc đã được tháo gỡ, hãy xác nhận trên trang hồ sơ để đóng hồ sơ là đã giải quyết.

mail-case-closed-subject = Hồ sơ { $number } đã đóng
mail-case-closed-body =
    Ban kỹ thuật đã đóng hồ sơ { $number } ({ $title }).

    Lý do: { $reason }

mail-test-subject = Thư thử nghiệm của Tashil
mail-test-body = Nếu bạn đọc được thư này, hệ thống Tashil này đã gửi được email.

mail-case-disputed-subject = Hồ sơ { $number }: vướng mắc vẫn còn
mail-case-disputed-body =
    Người phản ánh hồ sơ { $number } ({ $title }) cho biết vướng mắc vẫn còn dù mọi kết luận đã được báo cáo hoàn thành:

    { $note }

    Hồ sơ đã được chuyển lại ban kỹ thuật.

mail-meeting-agenda-subject = { $body }: phiên họp ngày { $held_on }
mail-meeting-agenda-body =
    { $body } họp vào ngày { $held_on }. Chương trình họp:

    { $items }

mail-licence-renewal-due-subject = Giấy phép { $number } hết hạn sau { $days } ngày
mail-licence-renewal-due-body =
    { $permit } số { $number } có hiệu lực đến { $deadline }, còn { $days } ngày.

    Hãy nộp hồ sơ gia hạn trước ngày đó: hồ sơ gia hạn đã điền sẵn các sản phẩm và nhãn hiệu của giấy phép.

mail-application-message-subject = Tin nhắn mới về hồ sơ { $code }
mail-application-message-body =
    Có tin nhắn mới về hồ sơ { $permit } mã theo dõi { $code }.
mail-wallet-offer-subject = Mã để thêm giấy phép { $number } vào ví của bạn
mail-wallet-offer-body =
    Bạn đã yêu cầu thêm giấy phép { $number } vào ví số của mình. Khi ví hỏi mã giao dịch, hãy nhập:

    { $code }

    Mã chỉ dùng được một lần, trong vòng { $minutes } phút. Nếu bạn không yêu cầu, hãy bỏ qua thư này: không có gì được cấp nếu không có mã.

mail-instrument-calibration-due-subject = Thiết bị { $code } đến hạn hiệu chuẩn ngày { $deadline }
mail-instrument-calibration-due-body =
    Thiết bị { $code } ({ $name }) đến hạn hiệu chuẩn vào ngày { $deadline }.

    Hãy hiệu chuẩn và ghi nhận giấy chứng nhận mới trước ngày đó: kết quả đo trên thiết bị sau ngày đó sẽ bị từ chối.

mail-instrument-overdue-subject = Thiết bị { $code } đã quá hạn hiệu chuẩn
mail-instrument-overdue-body =
    Thiết bị { $code } ({ $name }) đã đến hạn hiệu chuẩn vào ngày { $deadline }.

    Kết quả đo trên thiết bị sẽ bị từ chối cho đến khi ghi nhận giấy chứng nhận hiệu chuẩn mới.

mail-test-report-released-subject = Đã phát hành phiếu kết quả thử nghiệm cho yêu cầu { $request }: { $verdict ->
        [pass] đạt
        [fail] không đạt
       *[other] không kết luận được
    }
mail-test-report-released-body =
    Phòng thử nghiệm đã phát hành bản { $revision } của phiếu kết quả thử nghiệm cho yêu cầu { $request } ({ $designation }) của bạn.

    Kết luận: { $verdict ->
        [pass] mọi điều khoản đã thử đều đạt.
        [fail] ít nhất một điều khoản không đạt.
       *[other] không kết luận được: độ không đảm bảo đo vượt qua giới hạn ở ít nhất một điều khoản.
    }

mail-quality-advice-subject = Khuyến nghị chất lượng về { $characteristic }: { $trigger }
mail-quality-advice-body =
    Biểu đồ kiểm soát của { $characteristic } ({ $name }) cho thấy: { $trigger }.
    Nhóm con: { $points }.

    Kiểm tra đề xuất: { $check }

    Vui lòng ghi nguyên nhân và hành động trước hết ngày { $deadline }. Nếu không được trả lời, khuyến nghị sẽ chuyển vào hàng đợi chất lượng của Sở.

mail-quality-advice-escalated-subject = Khuyến nghị chất lượng đã chuyển cấp: { $unit }, { $characteristic }
mail-quality-advice-escalated-body =
    Một khuyến nghị gửi { $unit } về { $characteristic } ({ $name }) đã vào hàng đợi chất lượng của tỉnh: { $reason }.
    Điều được phát hiện: { $trigger }.
mail-complaint-update-subject = Khiếu nại của bạn về { $product }: { $state }
mail-complaint-update-body =
    Cơ quan xử lý khiếu nại của bạn về { $product } đã cập nhật. Trạng thái hiện tại: { $state }.

    { $reply }
