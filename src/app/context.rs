//! What every page and widget receives: the state and a way to change it.

use yew::UseReducerHandle;

use super::state::State;

/// The reducer's handle: the state, and its dispatcher. Passed down as an argument, not through
/// a Yew context, whose machinery would cost wasm for no gain here.
pub type AppContext = UseReducerHandle<State>;
