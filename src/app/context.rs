//! How pages and widgets change the state: they are handed the parts of the state they read, as
//! arguments, and this.

/// How pages and widgets send an action: a callback to the reducer's dispatcher, made once per
/// render by `root.rs` and passed down as an argument (not through a Yew context, whose machinery
/// would cost wasm for no gain here). A page receives it with the parts of the state it reads, so
/// it can be rendered from those alone.
pub type Send = yew::Callback<super::state::Action>;
