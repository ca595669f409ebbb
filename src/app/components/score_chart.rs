//! The eight dimension scores as horizontal bars, drawn in SVG. The chart's accessible name
//! lists every score in words, and the cards below it explain each one.

use closer_core::{BandId, DimensionScore, Scores};
use yew::prelude::*;

use crate::content::{number, BANK, UI};
use closer_core::text::Decimal;

const ROW: u32 = 34;
const LABEL_WIDTH: u32 = 172;
const BAR_WIDTH: u32 = 200;
const WIDTH: u32 = LABEL_WIDTH + BAR_WIDTH + 50;

/// The chart; with `set_aside` (the full safety response is on), no bar is coloured by its band.
pub fn score_chart(scores: &Scores, set_aside: bool) -> Html {
    let height = ROW * scores.dimensions.len() as u32 + 8;
    let mut words = Vec::new();
    let rows = scores.dimensions.iter().enumerate().map(|(n, (id, score))| {
        let name = BANK.dimension(id).map_or("", |d| d.name);
        let y = 4 + ROW * n as u32;
        let (width, value, band) = match score {
            DimensionScore::Scored(v) => {
                let band = if set_aside { "set-aside" } else { BANK.band_of(*v).key() };
                (BAR_WIDTH * u32::from(*v) / 100, number((*v).into()), band)
            }
            DimensionScore::NotEnoughAnswers { .. } => (0, "–".to_string(), BandId::Low.key()),
        };
        words.push([name, ": ", if score.value().is_some() { &value } else { UI.results_not_enough() }].concat());
        html! {
            <g class="bar" data-band={band}>
                <text x="0" y={(y + 21).decimal()} class="bar-label">{ name }</text>
                <rect x={LABEL_WIDTH.decimal()} y={(y + 6).decimal()} width={BAR_WIDTH.decimal()} height="20" rx="4" class="bar-track" />
                <rect x={LABEL_WIDTH.decimal()} y={(y + 6).decimal()} width={width.decimal()} height="20" rx="4" class="bar-fill" />
                <text x={(LABEL_WIDTH + BAR_WIDTH + 8).decimal()} y={(y + 21).decimal()} class="bar-value">{ value }</text>
            </g>
        }
    }).collect::<Html>();
    let label = [UI.results_chart_label(), ". ", &words.join(", ")].concat();
    html! {
        <svg class="score-chart" viewBox={["0 0 ", &WIDTH.decimal(), " ", &height.decimal()].concat()} role="img" aria-label={label}
            preserveAspectRatio="xMinYMin meet">
            { rows }
        </svg>
    }
}
