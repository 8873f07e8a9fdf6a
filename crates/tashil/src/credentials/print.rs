//! Lines of mixed-script text on an A4 PDF page (ADR 0018): each line is ordered by the
//! Unicode Bidirectional Algorithm (UAX #9, `unicode-bidi`), cut into runs of one font
//! (Vazirmatn for Arabic script, Noto Sans for the rest, Vietnamese included), each run shaped
//! by rustybuzz (joined letter forms, ZWNJ kept) and drawn by krilla, which embeds the fonts'
//! subsets. Nothing here knows licences.

use std::ops::Range;

use krilla::Document;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

/// A4 in PDF points.
pub const WIDTH: f32 = 595.28;
pub const HEIGHT: f32 = 841.89;

static VAZIRMATN: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
static VAZIRMATN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");
static NOTO: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static NOTO_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// How a line looks and which way it reads.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: (u8, u8, u8),
    /// The paragraph's base direction (UAX #9 P3 is not guessed: the language says it).
    pub rtl: bool,
}

/// Where a line sits in its box, in its own direction: `Start` is the right edge of a
/// right-to-left line.
#[derive(Clone, Copy, PartialEq)]
pub enum Align {
    Start,
    Center,
}

struct FontFace {
    font: Font,
    data: &'static [u8],
}

impl FontFace {
    fn new(data: &'static [u8]) -> FontFace {
        FontFace {
            font: Font::new(data.into(), 0).expect("a bundled font reads"),
            data,
        }
    }
}

/// One shaped run of one font, in visual order.
struct Piece {
    text: String,
    glyphs: Vec<KrillaGlyph>,
    face: usize,
    /// In ems.
    advance: f32,
}

/// A page being drawn: text lines, filled rectangles, links.
pub struct Pen<'a> {
    surface: Surface<'a>,
    faces: &'a [FontFace; 4],
    links: Vec<(Rect, String)>,
}

fn arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Neither script: takes the font of the letters around it (ZWNJ stays with its Persian word).
fn neutral(c: char) -> bool {
    !c.is_alphanumeric() && !arabic_script(c)
}

/// Bidi controls (fluent's isolation marks among them) order the line but draw nothing.
fn control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` cut where the font changes: (range, is Arabic script).
fn by_font(text: &str) -> Vec<(Range<usize>, bool)> {
    let first = text
        .chars()
        .find(|c| !neutral(*c))
        .is_some_and(arabic_script);
    let mut out: Vec<(Range<usize>, bool)> = vec![];
    for (at, c) in text.char_indices() {
        let arabic = if neutral(c) {
            out.last().map_or(first, |l| l.1)
        } else {
            arabic_script(c)
        };
        match out.last_mut() {
            Some(last) if last.1 == arabic => last.0.end = at + c.len_utf8(),
            _ => out.push((at..at + c.len_utf8(), arabic)),
        }
    }
    out
}

fn shape(face: &FontFace, text: &str, rtl: bool) -> (Vec<KrillaGlyph>, f32) {
    let Some(rb) = rustybuzz::Face::from_slice(face.data, 0) else {
        return (vec![], 0.0);
    };
    let upem = rb.units_per_em() as f32;
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let out = rustybuzz::shape(&rb, &[], buffer);
    let mut clusters: Vec<usize> = out
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    clusters.sort_unstable();
    clusters.dedup();
    let end_of = |c: usize| {
        clusters
            .iter()
            .copied()
            .find(|&n| n > c)
            .unwrap_or(text.len())
    };
    let mut advance = 0.0;
    let glyphs = out
        .glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| {
            let c = info.cluster as usize;
            advance += pos.x_advance as f32 / upem;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                c..end_of(c),
                None,
            )
        })
        .collect();
    (glyphs, advance)
}

impl Pen<'_> {
    /// The shaped pieces of one line, left to right as they are drawn.
    fn pieces(&self, text: &str, style: Style) -> Vec<Piece> {
        let base = if style.rtl {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = BidiInfo::new(text, Some(base));
        let Some(para) = info.paragraphs.first() else {
            return vec![];
        };
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        let mut out = vec![];
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut segments = by_font(&text[run.clone()]);
            if rtl {
                segments.reverse();
            }
            for (range, arabic) in segments {
                let piece: String = text[run.clone()][range]
                    .chars()
                    .filter(|c| !control(*c))
                    .collect();
                if piece.is_empty() {
                    continue;
                }
                let face = usize::from(arabic) * 2 + usize::from(style.bold);
                let (glyphs, advance) = shape(&self.faces[face], &piece, rtl);
                out.push(Piece {
                    text: piece,
                    glyphs,
                    face,
                    advance,
                });
            }
        }
        out
    }

    /// How wide `text` is drawn in `style`, in points.
    pub fn measure(&self, text: &str, style: Style) -> f32 {
        self.pieces(text, style)
            .iter()
            .map(|p| p.advance)
            .sum::<f32>()
            * style.size
    }

    /// `text` cut into lines no wider than `width` at its spaces (a word wider than the box
    /// stays whole).
    pub fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = vec![];
        let mut current = String::new();
        for word in text.split(' ') {
            let tried = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && self.measure(&tried, style) > width {
                lines.push(std::mem::replace(&mut current, word.to_owned()));
            } else {
                current = tried;
            }
        }
        if !current.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Draws one line on baseline `y` in the box from `left`, `width` wide; answers its width.
    pub fn line(
        &mut self,
        left: f32,
        width: f32,
        y: f32,
        text: &str,
        style: Style,
        align: Align,
    ) -> f32 {
        let pieces = self.pieces(text, style);
        let total = pieces.iter().map(|p| p.advance).sum::<f32>() * style.size;
        let mut x = match (align, style.rtl) {
            (Align::Center, _) => left + (width - total) / 2.0,
            (Align::Start, false) => left,
            (Align::Start, true) => left + width - total,
        };
        let (r, g, b) = style.color;
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            ..Fill::default()
        }));
        for p in pieces {
            let face = &self.faces[p.face];
            self.surface.draw_glyphs(
                Point::from_xy(x, y),
                &p.glyphs,
                face.font.clone(),
                &p.text,
                style.size,
                false,
            );
            x += p.advance * style.size;
        }
        total
    }

    /// Fills the rectangles `cells` (left, top, width, height) in one colour.
    pub fn fill(&mut self, cells: &[(f32, f32, f32, f32)], color: (u8, u8, u8)) {
        let mut path = PathBuilder::new();
        for &(x, y, w, h) in cells {
            if let Some(r) = Rect::from_xywh(x, y, w, h) {
                path.push_rect(r);
            }
        }
        let Some(path) = path.finish() else {
            return;
        };
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(color.0, color.1, color.2).into(),
            ..Fill::default()
        }));
        self.surface.draw_path(&path);
    }

    /// Makes the area (left, top, width, height) a link to `url`.
    pub fn link(&mut self, area: (f32, f32, f32, f32), url: &str) {
        if let Some(r) = Rect::from_xywh(area.0, area.1, area.2, area.3) {
            self.links.push((r, url.to_owned()));
        }
    }
}

/// One A4 page drawn by `draw`, titled `title`, as PDF bytes.
pub fn a4_page(title: &str, draw: impl FnOnce(&mut Pen<'_>)) -> Result<Vec<u8>, String> {
    let faces = [
        FontFace::new(NOTO),
        FontFace::new(NOTO_BOLD),
        FontFace::new(VAZIRMATN),
        FontFace::new(VAZIRMATN_BOLD),
    ];
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(title.to_owned()));
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or("A4 is a page size")?;
    let mut page = document.start_page_with(settings);
    let links = {
        let mut pen = Pen {
            surface: page.surface(),
            faces: &faces,
            links: vec![],
        };
        draw(&mut pen);
        let links = std::mem::take(&mut pen.links);
        pen.surface.finish();
        links
    };
    for (rect, url) in links {
        let target = Target::Action(Action::Link(LinkAction::new(url)));
        page.add_annotation(Annotation::new_link(
            LinkAnnotation::new(rect, target),
            None,
        ));
    }
    page.finish();
    document.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persian_word_keeps_its_zwnj_and_digits_take_the_letters_font() {
        let runs = by_font("گواهی‌نامه ۱۲ A-1");
        let text = "گواهی‌نامه ۱۲ A-1";
        assert_eq!(runs.len(), 2);
        assert_eq!(
            (&text[runs[0].0.clone()], runs[0].1),
            ("گواهی‌نامه ۱۲ ", true)
        );
        assert_eq!((&text[runs[1].0.clone()], runs[1].1), ("A-1", false));
    }
}
