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

/// The chart; with `safety_first`, the areas the safety screen touches are never coloured as a
/// strength.
pub fn score_chart(scores: &Scores, safety_first: bool) -> Html {
    let height = ROW * scores.dimensions.len() as u32 + 8;
    let mut words = Vec::new();
    let rows = scores.dimensions.iter().enumerate().map(|(n, (id, score))| {
        let name = BANK.dimension(id).map_or("", |d| d.name);
        let y = 4 + ROW * n as u32;
        let (width, value, band) = match score {
            DimensionScore::Scored(v) => {
                let band = BANK.band_of(*v);
                let band = if safety_first && band == BandId::High && BANK.screen.touches.contains(id) { BandId::Middle } else { band };
                (BAR_WIDTH * u32::from(*v) / 100, number((*v).into()), band)
            }
            DimensionScore::NotEnoughAnswers { .. } => (0, "–".to_string(), BandId::Low),
        };
        words.push([name, ": ", if score.value().is_some() { &value } else { UI.results_not_enough() }].concat());
        html! {
            <g class="bar" data-band={band.key()}>
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
