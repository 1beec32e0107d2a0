//! Restoration with the embedded model: fixture 003 (a real OCR scan), clean text, bad input,
//! and held-out shared-corpus text when ../shared is present.

use kehoach::text::syllable::strip_marks;
use kehoach::text::{Restorer, needs_restoration};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("fixtures/plans/{name}")).unwrap()
}

/// The text restored with the embedded model, and its lines.
fn restored_lines(text: &str) -> (String, Vec<String>) {
    let (out, _) = Restorer::embedded().restore_text(text);
    let lines = out.lines().map(str::to_string).collect();
    (out, lines)
}

/// Two lines typed without marks: a document they start is read as typed, not as OCR output.
const TYPED_HEAD: &str = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                          Uy ban nhan dan phuong giao cac phong ban phoi hop thuc hien ke hoach\n";

/// Asserts that line `n` of the text restored with the embedded model holds every one of `parts`.
fn line_has(text: &str, n: usize, parts: &[&str]) {
    let (out, lines) = restored_lines(text);
    let line = lines.get(n).map_or("", String::as_str);
    for part in parts {
        assert!(line.contains(part), "{part:?} not in line {n}:\n{out}");
    }
}

#[test]
fn a_wrapped_line_is_read_after_the_words_of_the_line_before() {
    // "dam | bao" is one word cut by the page's edge ("đảm bảo"); read on its own, a line
    // starting "bao dung" starts as "báo".
    let wrapped = "Uy ban nhan dan phuong to chuc trien khai thuc hien dam\n\
                   bao dung yeu cau, muc tieu de ra.\n";
    line_has(wrapped, 1, &["bảo đúng yêu cầu"]);
    line_has(
        "bao dung yeu cau, muc tieu de ra.\n",
        0,
        &["báo đúng yêu cầu"],
    );
}

#[test]
fn a_line_s_last_word_is_read_with_the_first_word_of_the_line_after() {
    // "to | roi" is "tờ rơi" (a leaflet); with nothing after it, "ấn phẩm to" ends as "tổ".
    let line = "Tuyen truyen tren he thong loa truyen thanh va duoi dang ban tin, an pham to";
    line_has(
        &format!("{line}\nroi, bai viet chuyen de ve san pham.\n"),
        0,
        &["ấn phẩm tờ"],
    );
    line_has(&format!("{line}\n"), 0, &["ấn phẩm tổ"]);
}

#[test]
fn two_readings_that_make_a_listed_word_are_read_as_that_word() {
    // The model's text has "đó thì" ("then") far more often than "đô thị" ("urban"); the
    // word list says which of the two is one word.
    line_has(
        "Du an nang cap do thi va chinh trang khu dan cu\n",
        0,
        &["nâng cấp đô thị"],
    );
}

#[test]
fn text_typed_with_the_input_method_off_reads_as_the_letters_its_keys_make() {
    // Telex: a heading of one typed word is read too, in a document typed so.
    let telex = "UYR BAN NHAAN DAAN XAX VINHX TUY\n\
                 Soos: /KH-UBND\n\
                 KEES HOACHJ\n\
                 Thuwcj hieenj Quyeets ddinhj soos 148/QDD-TTg cuar Thur tuowngs Chinhs phur\n\
                 Chuwowng\n\
                 dd) Phaan coong nhieemj vuj cho cacs phongf, ban (neeu taij Phuj lujc I).\n";
    let (out, lines) = restored_lines(telex);
    assert_eq!(lines[0], "ỦY BAN NHÂN DÂN XÃ VĨNH TUY", "{out}");
    assert_eq!(lines[1], "Số: /KH-UBND", "{out}");
    assert_eq!(lines[2], "KẾ HOẠCH", "{out}");
    assert_eq!(
        lines[3],
        "Thực hiện Quyết định số 148/QĐ-TTg của Thủ tướng Chính phủ"
    );
    assert_eq!(lines[4], "Chương", "{out}");
    assert_eq!(
        lines[5],
        "đ) Phân công nhiệm vụ cho các phòng, ban (nêu tại Phụ lục I)."
    );
    // VNI: digits after the letters.
    let vni = "Ke61 hoa5ch thu75c hie65n Chu7o7ng tri2nh mo64i xa4 mo65t sa3n pha63m\n\
               Nghie6n cu7u1, d9e62 xua61t gia3i pha1p; kinh te61-xa4 ho65i na8m 2026\n";
    let (out, lines) = restored_lines(vni);
    assert_eq!(
        lines[0], "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm",
        "{out}"
    );
    assert_eq!(
        lines[1],
        "Nghiên cứu, đề xuất giải pháp; kinh tế-xã hội năm 2026"
    );
    // A writer who typed keys for some words and none for others: the file is typed, and the
    // words without keys are words without marks, read as such.
    let some_keys = "Ke hoach thuwcj hieenj chuong trinh nawm 2026 cua xax\n\
                     UYR BAN NHAAN DAAN XAX\n\
                     Thuwcj hieenj ke hoach cua UBND tinh\n";
    let (out, lines) = restored_lines(some_keys);
    assert_eq!(
        lines[0], "Kế hoạch thực hiện chương trình năm 2026 của xã",
        "{out}"
    );
    assert_eq!(lines[2], "Thực hiện kế hoạch của UBND tỉnh", "{out}");
    // In a file typed with keys, a word typed with none in a line otherwise typed is read in
    // its line ("ke", "cua"), where a word right without marks stays ("ha", "Lan", "dong").
    let left_out = "UYR BAN NHAAN DAAN XAX VINHX TUY\n\
                    Kees hoachj thuwcj hieenj chuowng trinhf OCOP nawm 2026\n\
                    Cacs phongf ban phoois howpj thuwcj hieenj ke hoachj cua UBND xax\n\
                    Dieenj tichs troongf chef 5 ha, giao cho oong Nguyeenx Vawn Lan\n\
                    Sanr phaarm Mieens dong Phucs Sown cuar HTX Mieens dong\n";
    let (out, lines) = restored_lines(left_out);
    assert_eq!(
        lines[2], "Các phòng ban phối hợp thực hiện kế hoạch của UBND xã",
        "{out}"
    );
    assert_eq!(
        lines[3], "Diện tích trồng chè 5 ha, giao cho ông Nguyễn Văn Lan",
        "{out}"
    );
    // ("miến dong", arrowroot noodles, not "miến đồng")
    assert_eq!(
        lines[4], "Sản phẩm Miến dong Phúc Sơn của HTX Miến dong",
        "{out}"
    );
    // OCR output is not typed: its "j" is a misread mark ("nhijp" for "nhập"), never a key.
    let ocr = "Can ci) dil tinh thu) xuilt khiu, thu!) nhiJp khiju la si) 1Ung hang hoa\n\
               khiju, nhijp khiu.\n";
    let (out, _) = restored_lines(ocr);
    assert!(!out.contains("nhịp"), "{out}");
}

#[test]
fn text_typed_in_the_i_spelling_reads_as_the_same_words_spelled_with_i() {
    // The model's texts write "kỳ", "tỷ", "lý", "ty" with y; a writer who types "ki", "ti",
    // "li" means the same words, and keeps the letter chosen.
    let typed = [
        (
            "To chuc ki thi tuyen dung cong chuc nam 2026",
            "kì thi tuyển dụng",
        ),
        (
            "Cong ti co phan dau tu xay dung va quan li du an",
            "Công ti cổ phần",
        ),
        ("Ti le ho ngheo giam, ki hop thu nhat", "Tỉ lệ hộ nghèo"),
    ];
    for (line, part) in typed {
        let head = format!("{TYPED_HEAD}{line}\n");
        line_has(&head, 2, &[part]);
        // The same line in the y spelling reads as the same words, with y.
        let with_y = head
            .replace("ki thi", "ky thi")
            .replace("ti co", "ty co")
            .replace("Ti le", "Ty le");
        let part_y = part
            .replace("kì", "kỳ")
            .replace(" ti ", " ty ")
            .replace("Tỉ", "Tỷ");
        line_has(&with_y, 2, &[&part_y]);
    }
    line_has(
        &format!("{TYPED_HEAD}Ti le ho ngheo giam, ki hop thu nhat\n"),
        2,
        &["kì họp thứ nhất"],
    );
}

#[test]
fn administrative_units_in_small_letters_are_read_as_units() {
    // The embedded model's list of places writes every unit in title case ("…, Quận Ba
    // Đình, …"); in running text "quận" and "huyện" are common nouns in small letters.
    line_has(
        "Tu thanh pho den quan huyen deu phai thuc hien ke hoach\n",
        0,
        &["đến quận huyện"],
    );
    line_has("quan 5, quan 7 va huyen Nha Be\n", 0, &["quận 5, quận 7"]);
}

#[test]
fn an_acronym_the_model_never_saw_gets_its_d_from_the_words_it_stands_for() {
    // "ĐTXD" is "đầu tư xây dựng"; typed without marks, it is written "DTXD".
    line_has(
        "Ban quan ly du an DTXD cong trinh giao thong\n",
        0,
        &["dự án ĐTXD công trình"],
    );
}

#[test]
fn a_list_label_after_d_is_d_with_its_stroke() {
    // Vietnamese lists run a), b), c), d), đ), e); typed without marks, "đ)" is "d)".
    let list = "a) Tuyen truyen\nb) Dao tao\nc) Ho tro\nd) Kiem tra\nd) Bao cao ket qua\n\
                e) Kinh phi\n";
    line_has(list, 3, &["d) Kiểm tra"]);
    line_has(list, 4, &["đ) Báo cáo kết quả"]);
}

#[test]
fn a_heading_label_glued_to_its_title_stays_and_the_title_is_restored() {
    // The space after a label's dot is often lost ("V.CHE DO BAO CAO", "1.Muc tieu").
    let text = "V.CHE DO BAO CAO\n1.Muc tieu chung cua ke hoach\n2.3.To chuc thuc hien\n\
                a.Tuyen truyen ve ke hoach\nDieu 5.Trach nhiem thi hanh\n";
    line_has(text, 0, &["V.CHẾ ĐỘ BÁO CÁO"]);
    line_has(text, 1, &["1.Mục tiêu chung của kế hoạch"]);
    line_has(text, 2, &["2.3.Tổ chức thực hiện"]);
    line_has(text, 3, &["a.Tuyên truyền về kế hoạch"]);
    line_has(text, 4, &["Điều 5.Trách nhiệm thi hành"]);
}

#[test]
fn typed_codes_with_digits_stay_as_written() {
    // A keyboard does not type digits for letters: "A1" and "3a" are codes, not damaged
    // syllables (they were read "A" and "và").
    let text = format!(
        "{TYPED_HEAD}Xay dung duong 15B va khu A1 cua phuong 3a theo quy hoach duoc duyet\n"
    );
    line_has(
        &text,
        2,
        &["đường 15B và khu A1 của phường 3a theo quy hoạch"],
    );
}

#[test]
fn typed_names_that_are_no_syllables_stay_but_doubled_letters_are_mended() {
    // Ethnic and foreign names near a syllable are names, not slips ("Hmong" was "Hương");
    // a doubled letter is a slip ("ttheo").
    let text =
        format!("{TYPED_HEAD}Ho tro nguoi Hmong trong tra shan tuyet ttheo ke hoach cua xa\n");
    line_has(&text, 2, &["người Hmong", "trà shan tuyết theo kế hoạch"]);
}

#[test]
fn numbers_spelled_out_in_words_are_read_as_the_grammar_of_numbers_has_them() {
    // After a digit the tens are "mươi"; after them one is "mốt", five "lăm", four "tư";
    // after "mười" one is "một"; after a number "ty" is "tỷ". A word the writer marked stays.
    let text = format!(
        "{TYPED_HEAD}Tong so tien: hai muoi mot trieu dong, muoi lam trieu dong va bon muoi tu \
         trieu dong\n\
         Bang chu: Nam muoi mot ty ba tram hai muoi lam trieu dong; ba muoi một nguoi\n"
    );
    line_has(
        &text,
        2,
        &["hai mươi mốt triệu đồng, mười lăm triệu đồng và bốn mươi tư triệu"],
    );
    line_has(
        &text,
        3,
        &[
            "Năm mươi mốt tỷ ba trăm hai mươi lăm triệu",
            "ba mươi một người",
        ],
    );
}

#[test]
fn place_names_of_no_standard_syllables_are_written_as_the_list_of_places_spells_them() {
    // "Đắk", "Lắk", "Krông" are no syllables the model knows, so only the list of places can
    // give their marks back; a name written with its marks, or with none to give, stays (the
    // model read "Ea Kar" as "Cà Kỳ", "Lak" as "Lấp").
    let text = format!(
        "{TYPED_HEAD}UBND TINH DAK LAK\n\
         Ho tro nguoi dan huyen Krong Buk, huyen Lak va tinh Dak Nong\n\
         Ho tro xa Đăk Long va xa Ea Kar\n"
    );
    line_has(&text, 2, &["UBND TỈNH ĐẮK LẮK"]);
    line_has(&text, 3, &["huyện Krông Búk, huyện Lắk và tỉnh Đắk Nông"]);
    line_has(&text, 4, &["xã Đăk Long và xã Ea Kar"]);
}

#[test]
fn fixture_003_keeps_its_lines_and_gets_its_title_back() {
    let garbled = fixture("003.txt");
    assert!(needs_restoration(&garbled));
    let (restored, changed) = Restorer::embedded().restore_text(&garbled);
    assert_eq!(restored.lines().count(), garbled.lines().count());
    assert!(changed > 100, "only {changed} lines restored");
    // The title line as printed on the scanned plan.
    assert!(
        restored.contains("Tổ chức thực hiện Chương trình Mỗi xã một sản phẩm (OCOP)"),
        "{}",
        restored.lines().take(8).collect::<Vec<_>>().join("\n")
    );
    // The scan's "san Xuét" (a small x read large, in the word "sản xuất") is small again.
    assert!(
        restored.contains("tổ chức sản xuất kinh doanh"),
        "{restored}"
    );
    // So are "san XUAt" (capitals and small letters mixed) and a wrapped line's "Xuf’lt" that
    // goes on "san" at the end of the line before.
    assert!(restored.contains("nhóm hộ sản xuất,"), "{restored}");
    assert!(
        restored.contains("hình thức tổ chức sản\nxuất, kinh doanh"),
        "{restored}"
    );
    // Document symbols and acronyms survive.
    assert!(restored.contains("39/KH-UBND"));
    assert!(restored.contains("26/01/2026"));
}

#[test]
fn clean_plans_pass_through_byte_identical() {
    for name in ["000.txt", "002.txt", "004.txt"] {
        let clean = fixture(name);
        assert!(!needs_restoration(&clean), "{name}");
        let (restored, changed) = Restorer::embedded().restore_text(&clean);
        assert_eq!(changed, 0, "{name}");
        assert_eq!(restored, clean, "{name}");
    }
}

#[test]
fn unaccented_line_is_restored_and_protected_tokens_stay() {
    let r = Restorer::embedded();
    let line = "Ke hoach so 39/KH-UBND cua Uy ban nhan dan ve Chuong trinh OCOP, xem https://ocop.vn/a-b.html";
    let out = r.restore_line(line);
    assert!(
        out.starts_with("Kế hoạch số 39/KH-UBND của Ủy ban nhân dân"),
        "{out}"
    );
    assert!(out.contains("Chương trình OCOP,"), "{out}");
    assert!(out.ends_with("https://ocop.vn/a-b.html"), "{out}");
}

#[test]
fn typed_abbreviations_without_a_vowel_stay() {
    // "nt" (như trên) and "tp" have no vowel: no syllable lost its marks to make them.
    let text = "Kinh phi thuc hien ke hoach nam nay do ngan sach cap theo quy dinh hien hanh\n\
                Uy ban nhan dan cac xa, phuong to chuc thuc hien va bao cao ket qua dung han\n\
                Chi phi van chuyen nt, chi phi boc xep nt, tai tp Can Tho\n";
    line_has(text, 2, &["chuyển nt, chi phí", " nt, tại tp "]);
}

#[test]
fn ocr_capitals_that_were_small_letters_are_written_small() {
    // OCR reads a small "l" as "I" or "J", and a small marked vowel as a capital.
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                bao vé quyén Igi ich hgp phap cia xa vién va tham gia thanh Jap BO Tai chinh\n";
    line_has(text, 1, &["quyền lợi ích", "thành lập Bộ Tài chính"]);
}

#[test]
fn ocr_short_numbers_are_read_as_words_only_where_the_words_around_call_for_it() {
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                San xuat nong nghiep 6 dia phuong tang 6%, ngay 16 thang 6 nam 2004\n\
                cac hgp tac xa 1a thanh vién cia lién hiép, 16 trinh thuc hién\n";
    let (out, lines) = restored_lines(text);
    assert!(lines[1].contains("nghiệp ở địa phương tăng 6%,"), "{out}");
    assert!(lines[1].ends_with("ngày 16 tháng 6 năm 2004"), "{out}");
    assert!(lines[2].contains("liên hiệp, lộ trình"), "{out}");
}

#[test]
fn ocr_lone_consonants_are_read_as_syllables_that_lost_their_vowels_but_labels_stay() {
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                Chinh sach cua Nha nuéc déi vai hgp tac x va lap danh sach x vién\n\
                céng chic quy dinh tai diém b, diém c khoan 1 Diéu 1 cua Luat nay\n";
    let (out, lines) = restored_lines(text);
    assert!(
        lines[1].contains("hợp tác xã và lập danh sách xã viên"),
        "{out}"
    );
    assert!(lines[2].contains("điểm b, điểm c khoản 1"), "{out}");
}

#[test]
fn ocr_lines_whose_only_marks_are_ocr_slips_are_restored() {
    // "tén" and "Quéc" are syllable shapes no text has: OCR's "é" for "ê" and "ố", not marks
    // that make the line clean.
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                1. Ho va tén:\n\
                Tén cong trinh\n\
                chinh Trung Quéc.\n";
    let (out, lines) = restored_lines(text);
    assert_eq!(lines[1], "1. Họ và tên:", "{out}");
    assert_eq!(lines[2], "Tên công trình", "{out}");
    assert!(lines[3].ends_with("Trung Quốc."), "{out}");
}

#[test]
fn ocr_symbols_for_marks_after_a_word_are_dropped_but_punctuation_stays() {
    // OCR writes a mark it cannot place as "?", ")", "]", "}" or "’" after the word; a real
    // bracket, a question before a capital, and the same symbols in typed text stay.
    let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
               Cong chtrc sw? dung dat dai trong nghiép) bao gém tuyén truyén} vé noi dung\n\
               T6 chuc thong tin (theo ké hoach) vé noi dung, va tién] do thuc hién\n\
               cua Nha nuéc hay khong? (cho du chinh sach nay ré rang)\n";
    let (out, lines) = restored_lines(ocr);
    assert!(
        lines[1].contains("sử dụng đất đai trong nghiệp bao gồm tuyên truyền về"),
        "{out}"
    );
    assert!(lines[2].contains("(theo kế hoạch) về"), "{out}");
    assert!(lines[2].contains("tiến độ"), "{out}");
    assert!(lines[3].contains("không? (cho"), "{out}");
    let typed = "Ban hanh ke hoach) thuc hien va tien do\n";
    let (out, lines) = restored_lines(typed);
    assert!(lines[0].contains("hoạch) thực hiện"), "{out}");
}

#[test]
fn ocr_name_lines_read_their_first_word_as_a_name() {
    // A line of three title-case words is a person's name: "Vii" is "Vũ", not "Với"; "Dé"
    // is "Đỗ", not "Để".
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                Vii Quang Dwong\n\
                Dé Van Thanh\n";
    let (out, lines) = restored_lines(text);
    assert_eq!(lines[1], "Vũ Quang Dương", "{out}");
    assert!(lines[2].starts_with("Đỗ "), "{out}");
}

#[test]
fn ocr_of_a_page_printed_with_modern_tone_placement_is_read() {
    // Printed "hoá" (the mark on the a), OCR reads the "á" as "d": "hod" is "hoá", written
    // back in the classic placement, not "hoặc" (the "ặ" read as "d", the "c" lost).
    let ocr = "Chuong trinh céng nghiép hod, hién dai hod nong nghiép va nong thén\n\
               Day manh ty do hod thuong mai va cé phan hod doanh nghiép nha nuéc\n";
    line_has(ocr, 0, &["công nghiệp hóa, hiện đại hóa nông"]);
    line_has(ocr, 1, &["tự do hóa thương mại", "phần hóa doanh"]);
}

#[test]
fn ocr_words_made_of_whole_other_words_are_read_as_what_they_stood_for() {
    // An OCR engine with an English dictionary puts its own words for Vietnamese ones ("nile"
    // for "nước", "Chilling" for "Chương", "Ii" for "lợi"); the channel learned from the
    // training pairs what such words stood for, which their letters do not tell.
    let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
               bao vé quyén Ii cia xa vién va dic hudng chinh sach\n\
               Cac san pham dlc danh gia theo Chilling trinh OCOP ctia tinh\n\
               nguon nile sach cho nguoi dan va ngan sach nha nile\n";
    line_has(ocr, 1, &["bảo vệ quyền lợi của xã viên"]);
    line_has(ocr, 2, &["theo Chương trình OCOP"]);
    line_has(ocr, 3, &["nguồn nước sạch", "ngân sách nhà nước"]);
}

#[test]
fn the_last_word_before_the_closing_mark_is_restored() {
    // "./." closes a document's text (Decree 30): it is punctuation, not a symbol's slash.
    let r = Restorer::embedded();
    let out = r.restore_line("de nghi cac phong, ban to chuc thuc hien tot cac noi dung tren./.");
    assert!(out.ends_with("các nội dung trên./."), "{out}");
    let out = r.restore_line("Quyet dinh so 148/QD-TTg./.");
    assert!(out.ends_with("148/QĐ-TTg./."), "{out}");
}

#[test]
fn rates_and_slashed_words_are_restored() {
    // "đồng/người/tháng" and "USD/thùng" are words joined by a slash, not document symbols.
    let text = format!(
        "{TYPED_HEAD}Gia dau tho 80 USD/thung va thu nhap binh quan 5 trieu dong/nguoi/thang\n"
    );
    line_has(&text, 2, &["80 USD/thùng", "5 triệu đồng/người/tháng"]);
}

#[test]
fn markdown_bold_lines_are_words_not_noise() {
    let text = format!(
        "{TYPED_HEAD}**KE HOACH**\n\
                **1. Muc dich**\n"
    );
    line_has(&text, 2, &["**KẾ HOẠCH**"]);
    line_has(&text, 3, &["**1. Mục đích**"]);
}

#[test]
fn english_runs_are_left_as_written_and_the_vietnamese_around_them_is_read() {
    // Typed without marks, with an English title cited.
    let typed = format!(
        "{TYPED_HEAD}Roger H. Gordon, \"Government as a monopolist in the financial market: the case of China\", thang 4/1999.\n"
    );
    line_has(
        &typed,
        2,
        &["in the financial market: the case of China\", tháng 4/1999."],
    );
    // OCR output with an English line: the line stays as it is.
    let english =
        "All files were copied byte for byte from public git repositories; none were edited.";
    let ocr = format!(
        "{}{english}\n",
        fixture("003.txt")
            .lines()
            .take(12)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
    let (out, lines) = restored_lines(&ocr);
    assert_eq!(lines[12], english, "{out}");
    // English words that are a syllable's letters ("that", "than", "the") at the run's edges
    // are English too; the Vietnamese after the run is read.
    let edges = "That is a fair test of it, and it is worth more than the cost, theo ke hoach";
    line_has(
        &format!("{TYPED_HEAD}{edges}\n"),
        2,
        &["That is a fair test of it, and it is worth more than the cost, theo kế hoạch"],
    );
}

#[test]
fn ocr_hyphens_between_small_words_are_spaces_but_symbols_keep_theirs() {
    let head: String = fixture("003.txt")
        .lines()
        .take(12)
        .map(|l| format!("{l}\n"))
        .collect();
    let text = format!("{head}phat trién co’ sd-ha tang theo Quyét dinh s6 148/QD-TTg\n");
    let (out, lines) = restored_lines(&text);
    assert!(lines[12].contains("cơ sở hạ tầng"), "{out}");
    assert!(lines[12].contains("148/QĐ-TTg"), "{out}");
}

#[test]
fn d_is_put_back_in_document_symbols() {
    let out = Restorer::embedded().restore_line("Quyet dinh so 148/QD-TTg cua Thu tuong Chinh phu");
    assert!(out.contains("148/QĐ-TTg"), "{out}");
}

#[test]
fn ocr_glue_and_damaged_capitals_are_read_but_acronyms_and_domains_stay() {
    // An OCR document: marks left on some words, others broken.
    let text = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa.Théng tin ctia.xa\n\
                Ban hanh kém theo Quyét dinh ctia UBND va HGi déng nhan dan\n\
                Gia tri xuat khau 5 triéu USD theo cam két WTO, xem tiki.vn\n";
    let (out, lines) = restored_lines(text);
    assert!(
        lines[0].ends_with("của hợp tác xã.Thông tin của xã"),
        "{out}"
    );
    assert!(lines[1].contains("UBND và Hội đồng nhân dân"), "{out}");
    for kept in ["USD", "WTO,", "tiki.vn"] {
        assert!(lines[2].contains(kept), "{kept}: {out}");
    }
}

#[test]
fn noise_and_huge_lines_are_left_alone() {
    let r = Restorer::embedded();
    for noise in ["~~~ |||| ¢€}{ ----", "@@##$$%%", "wxqz bvkj zzzz qqqq"] {
        assert_eq!(r.restore_line(noise), noise);
    }
    let long = "xq".repeat(5_000);
    assert_eq!(r.restore_line(&long), long);
    let many = "chuong trinh ".repeat(800);
    let out = r.restore_line(&many);
    assert_eq!(out.split_whitespace().count(), 1600);
    let mixed = "Ke hoach 計画 план خطة nam 2026";
    let out = r.restore_line(mixed);
    assert!(out.contains("計画 план خطة"), "{out}");
}

#[test]
fn short_words_in_lines_half_of_noise_are_left_as_noise() {
    // Lines of tools/bad-input.sh's noise, with short fragments that a syllable could read
    // ("o" as "ở", "Vo" as "Vợ"; "bd" as "bộ" beside "qUHphsN", and "iM" as "lạm" beside
    // "2LHWv", which are in no case a word is written in), around a line of OCR output with odd
    // characters of its own ("K€" for "Kế") and an acronym's "&".
    let noise = [
        "Q:CR#gnNwA:?=mW;UtBpxaMidb#TXQiR|!QfOu7op o",
        "0PNF{q,PWbU6dJ€tKsX^ Vo",
        "m bh;ND@Ik>1G#;fG: f@Pepm .afA1Thwr_ 9mqgpAa=2TxEsV;g{!bIAYLZs%bqmqH",
        "U3In2:bd qUHphsN<JsYhU65 7%dJYv¢a*Ar}5@_",
        " 6KjK;mFv^m+zkEo€x|yYdRmVr}FzC!W}¢2!!X:t$Pbw#I2iK?zCElP0m;l. $J*,;Fu9sNAn 2LHWv iM ¢G#ooX",
    ];
    let text = format!(
        "{}\nS6 K€ hoach va Dau tu\nBO KH&CN\n{}\n",
        noise[..2].join("\n"),
        noise[2..].join("\n")
    );
    let (out, _) = Restorer::embedded().restore_text(&text);
    let lines: Vec<&str> = out.lines().collect();
    let noise_out: Vec<&str> = [0, 1, 4, 5, 6].iter().map(|&i| lines[i]).collect();
    assert_eq!(noise_out, noise, "{out}");
    assert_eq!(lines[2], "Sở Kế hoạch và Đầu tư", "{out}");
    assert_eq!(lines[3], "BỘ KH&CN", "{out}");
}

/// Syllable error rate of `hyp` against `gold`, line by line (words compared lower case).
fn syllable_error_rate(gold: &[String], hyp: &[String]) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mut errors, mut total) = (0usize, 0usize);
    for (g, h) in gold.iter().zip(hyp) {
        let (g, h) = (words(g), words(h));
        total += g.len();
        errors += g.iter().zip(&h).filter(|(a, b)| a != b).count() + g.len().abs_diff(h.len());
    }
    errors as f64 / total.max(1) as f64
}

#[test]
fn held_out_shared_text_is_restored_with_few_errors() {
    let root = std::path::Path::new("../shared/corpus/admin-1995-2009");
    let Ok(split) = std::fs::read_to_string("corpus/split.txt") else {
        panic!("corpus/split.txt is missing");
    };
    if !root.is_dir() {
        eprintln!("skipped: ../shared/corpus/admin-1995-2009 is not here");
        return;
    }
    let mut gold = Vec::new();
    for stem in split
        .lines()
        .filter_map(|l| l.strip_prefix("heldout "))
        .take(3)
    {
        let text = std::fs::read_to_string(root.join(format!("{stem}.txt"))).unwrap_or_default();
        gold.extend(
            text.lines()
                .filter(|l| l.split_whitespace().count() >= 5 && !l.contains('|'))
                .take(40)
                .map(|l| kehoach::text::normalize(l, &Default::default())),
        );
    }
    let r = Restorer::embedded();
    let hyp: Vec<String> = gold
        .iter()
        .map(|g| r.restore_line(&strip_marks(g)))
        .collect();
    let ser = syllable_error_rate(&gold, &hyp);
    eprintln!("held-out sample: {} lines, SER {ser:.3}", gold.len());
    assert!(ser < 0.15, "SER {ser:.3}");
}

#[test]
fn the_review_lists_close_calls_where_they_stand_and_not_the_sure_words() {
    use kehoach::text::channel::Channel;
    use kehoach::text::lm::LanguageModel;
    use kehoach::text::restore::ReviewOptions;
    // A model that has seen "phường chi" (the ward spends) as often as "phường chỉ" (the ward
    // only), and "ủy ban nhân dân" alone.
    let lm = LanguageModel::from_texts(
        [
            "Ủy ban nhân dân phường chi\nỦy ban nhân dân phường chỉ",
            "Ủy ban nhân dân phường chi\nỦy ban nhân dân phường chỉ",
        ],
        1,
    );
    let restorer = Restorer::new(&lm, Channel::embedded());
    let text = "Ke hoach\nUy ban nhan dan phuong chi\n";
    let (restored, changed, doubts) =
        restorer.restore_reviewed(text, text, ReviewOptions::default());
    assert_eq!((restored.clone(), changed), restorer.restore_text(text));
    let chi: Vec<_> = doubts.iter().filter(|d| d.written == "chi").collect();
    assert_eq!(chi.len(), 1, "{doubts:?}");
    assert_eq!((chi[0].line, chi[0].column), (2, 24));
    let mut readings = [chi[0].restored.as_str(), chi[0].alternative.as_str()];
    readings.sort_unstable();
    assert_eq!(readings, ["chi", "chỉ"]);
    assert!(chi[0].margin < 0.5, "{doubts:?}");
    // In a table cell, the column counts from the line's start.
    let cells = "So\tUy ban nhan dan phuong chi\n";
    let (_, _, in_cell) = restorer.restore_reviewed(cells, cells, ReviewOptions::default());
    let chi = in_cell.iter().find(|d| d.written == "chi");
    assert_eq!(
        chi.map(|d| (d.line, d.column)),
        Some((1, 27)),
        "{in_cell:?}"
    );
    // In a line typed with keys, a word in doubt is placed and written as the file has it.
    let typed = "Ke hoach thuwcj hieenj chuong trinh nawm 2026 cua xax\n\
                 UYR BAN NHAAN DAAN XAX\n\
                 Thuwcj hieenj ke hoach cua UBND tinh ve ban\n";
    let (_, _, in_typed) =
        Restorer::embedded().restore_reviewed(typed, typed, ReviewOptions::default());
    assert!(in_typed.iter().any(|d| d.line == 3), "{in_typed:?}");
    for doubt in &in_typed {
        let line = typed.lines().nth(doubt.line - 1).unwrap_or("");
        let from: String = line.chars().skip(doubt.column - 1).collect();
        assert!(from.starts_with(&doubt.written), "{doubt:?} in {line:?}");
    }
    // The words only one reading of which the model knows are not listed.
    assert!(
        doubts
            .iter()
            .all(|d| !["Uy", "ban", "nhan", "dan"].contains(&d.written.as_str())),
        "{doubts:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Lines of number words, place names' words, capitals, digits and punctuation, typed or
    /// OCR'd: restored whole, line for line, without a panic.
    #[test]
    fn lines_of_numbers_and_place_names_restore_whole(
        words in proptest::collection::vec(
            concat!(
                r"(hai|muoi|mươi|mot|lam|tu|ty|tram|Nam|Dak|DAK|Lak|Krong|Buk|Ea|Kar|A|Ting|",
                r"huyen|xa|chin|sau|\d{1,3}|[,.;:()\-]|[a-zA-Z]{1,4}|đ)"
            ),
            0..24,
        ),
        seps in proptest::collection::vec(r"( |  |, | ,|\n|\t|-)", 24),
    ) {
        let mut text = String::from(TYPED_HEAD);
        for (word, sep) in words.iter().zip(&seps) {
            text.push_str(word);
            text.push_str(sep);
        }
        let (out, _) = Restorer::embedded().restore_text(&text);
        proptest::prop_assert_eq!(out.lines().count(), text.lines().count());
    }
}
