//! The sheet read on a second thread while this one checks its rows: parsing the XML and
//! checking a row each take about half of the first pass, and a server has two cores or more.

use std::ops::ControlFlow;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use tashil_sheets::{ReadOptions, Row, RowSink, SheetError, SheetInfo};

/// Rows travel in batches: one channel message per row would cost more than the row's check.
const BATCH: usize = 256;
/// Batches in flight at most, so a slow checker holds back the reader (and its memory).
const IN_FLIGHT: usize = 16;

enum Message {
    Header(SheetInfo),
    Rows(Vec<Row>),
}

/// As [`tashil_sheets::read_rows`], with `sink` called on this thread. When `sink` stops
/// the read, the reader stops at its next batch.
pub(super) fn read_rows(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    sink: &mut dyn RowSink,
) -> Result<SheetInfo, SheetError> {
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel(IN_FLIGHT);
        let reader = scope.spawn(move || {
            let mut forward = Forward {
                tx,
                batch: Vec::with_capacity(BATCH),
            };
            let read = tashil_sheets::read_rows(file_name, bytes, opts, &mut forward);
            let _ = forward.flush();
            read
        });
        deliver(rx, sink);
        reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Hands every message to `sink` until the reader is done or `sink` stops; dropping the
/// receiver then tells the reader.
fn deliver(rx: Receiver<Message>, sink: &mut dyn RowSink) {
    while let Ok(message) = rx.recv() {
        let flow = match message {
            Message::Header(info) => sink.header(&info),
            Message::Rows(rows) => rows.into_iter().try_for_each(|row| sink.row(row)),
        };
        if flow.is_break() {
            return;
        }
    }
}

struct Forward {
    tx: SyncSender<Message>,
    batch: Vec<Row>,
}

impl Forward {
    fn flush(&mut self) -> ControlFlow<()> {
        if self.batch.is_empty() {
            return ControlFlow::Continue(());
        }
        let rows = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        match self.tx.send(Message::Rows(rows)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    }
}

impl RowSink for Forward {
    fn header(&mut self, sheet: &SheetInfo) -> ControlFlow<()> {
        match self.tx.send(Message::Header(sheet.clone())) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    }

    fn row(&mut self, row: Row) -> ControlFlow<()> {
        self.batch.push(row);
        if self.batch.len() == BATCH {
            self.flush()
        } else {
            ControlFlow::Continue(())
        }
    }
}
