//! A deadline for reading a request body. A client that sends its headers and then trickles
//! the body (or stops) would otherwise hold a connection and a worker's attention for as long
//! as it likes; here the body must arrive whole within the configured time, counted from the
//! moment the headers were read. Whoever reads the body past the deadline gets an error, and
//! the middleware answers 408 and closes the connection. A body left unread is kept until the
//! answer has been written, so that the connection closes instead of the rest being drained
//! for as long as the client keeps sending.

use actix_web::HttpMessage;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::dev::{Payload, ServiceRequest};
use actix_web::error::PayloadError;
use actix_web::http::ConnectionType;
use actix_web::http::header;
use actix_web::web::Bytes;
use futures_util::Stream;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    Reading,
    Finished,
    TimedOut,
}

/// What became of a request's body, for the middleware to ask after the handler has run.
pub struct BodyWatch {
    progress: Rc<Cell<Progress>>,
    payload: Option<Rc<RefCell<Payload>>>,
}

/// A response body that holds the unread rest of the request's body until it has been written:
/// the server then sees a request body that is still wanted and closes the connection, where a
/// dropped one would be drained for as long as the client sends it.
struct WithUnreadBody {
    body: BoxBody,
    _unread: Rc<RefCell<Payload>>,
}

impl MessageBody for WithUnreadBody {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_next(cx)
    }
}

impl BodyWatch {
    /// Whether the deadline passed while the body was being read.
    pub fn timed_out(&self) -> bool {
        self.progress.get() == Progress::TimedOut
    }

    /// Whether the body was read to its end (or there was none).
    pub fn finished(&self) -> bool {
        self.progress.get() == Progress::Finished
    }

    /// Keeps an unread body alive until `response` has been written, and marks the response
    /// as the connection's last.
    pub fn close_if_unread(self, response: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
        if self.finished() {
            return response;
        }
        let mut response = response;
        response.response_mut().head_mut().set_connection_type(ConnectionType::Close);
        match self.payload {
            Some(unread) => response.map_body(|_, body| BoxBody::new(WithUnreadBody { body, _unread: unread })),
            None => response,
        }
    }
}

/// Whether the request announces a body.
fn has_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    let length = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).map(str::trim);
    headers.contains_key(header::TRANSFER_ENCODING) || length.is_some_and(|v| v != "0")
}

/// Puts the request's body behind a deadline of `timeout` from now.
pub fn install(req: &mut ServiceRequest, timeout: Duration) -> BodyWatch {
    if !has_body(req) {
        return BodyWatch { progress: Rc::new(Cell::new(Progress::Finished)), payload: None };
    }
    let progress = Rc::new(Cell::new(Progress::Reading));
    let inner = Rc::new(RefCell::new(req.take_payload()));
    let timed =
        Deadline { inner: inner.clone(), sleep: Box::pin(tokio::time::sleep(timeout)), progress: progress.clone() };
    let stream: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(timed);
    req.set_payload(Payload::from(stream));
    BodyWatch { progress, payload: Some(inner) }
}

struct Deadline {
    inner: Rc<RefCell<Payload>>,
    sleep: Pin<Box<tokio::time::Sleep>>,
    progress: Rc<Cell<Progress>>,
}

fn too_slow() -> PayloadError {
    PayloadError::Io(std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body came too slowly"))
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        match this.progress.get() {
            Progress::TimedOut => return Poll::Ready(Some(Err(too_slow()))),
            Progress::Finished => return Poll::Ready(None),
            Progress::Reading => {}
        }
        let mut inner = this.inner.borrow_mut();
        match Pin::new(&mut *inner).poll_next(cx) {
            Poll::Ready(None) => {
                this.progress.set(Progress::Finished);
                Poll::Ready(None)
            }
            Poll::Ready(Some(chunk)) => Poll::Ready(Some(chunk)),
            Poll::Pending => {
                if this.sleep.as_mut().poll(cx).is_ready() {
                    this.progress.set(Progress::TimedOut);
                    Poll::Ready(Some(Err(too_slow())))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}
