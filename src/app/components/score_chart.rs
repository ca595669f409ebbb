//! The eight dimension scores as horizontal bars, drawn in SVG. The chart's accessible name
//! lists every score in words, and the cards below it explain each one.

use closer_core::{BandId, DimensionScore, Scores};
use yew::prelude::*;

use crate::content::{BANK, UI};

const ROW: u32 = 34;
const LABEL_WIDTH: u32 = 172;
const BAR_WIDTH: u32 = 200;
const WIDTH: u32 = LABEL_WIDTH + BAR_WIDTH + 50;

pub fn score_chart(scores: &Scores) -> Html {
    let height = ROW * scores.dimensions.len() as u32 + 8;
    let mut words = Vec::new();
    let rows = scores.dimensions.iter().enumerate().map(|(n, (id, score))| {
        let name = BANK.dimension(id).map_or("", |d| d.name);
        let y = 4 + ROW * n as u32;
        let (width, value, band) = match score {
            DimensionScore::Scored(v) => (BAR_WIDTH * u32::from(*v) / 100, v.to_string(), BANK.band_of(*v)),
            DimensionScore::NotEnoughAnswers { .. } => (0, "–".to_string(), BandId::Low),
        };
        words.push(format!("{name}: {}", if score.value().is_some() { value.clone() } else { UI.results_not_enough().to_string() }));
        html! {
            <g class="bar" data-band={band.key()}>
                <text x="0" y={(y + 21).to_string()} class="bar-label">{ name }</text>
                <rect x={LABEL_WIDTH.to_string()} y={(y + 6).to_string()} width={BAR_WIDTH.to_string()} height="20" rx="4" class="bar-track" />
                <rect x={LABEL_WIDTH.to_string()} y={(y + 6).to_string()} width={width.to_string()} height="20" rx="4" class="bar-fill" />
                <text x={(LABEL_WIDTH + BAR_WIDTH + 8).to_string()} y={(y + 21).to_string()} class="bar-value">{ value }</text>
            </g>
        }
    }).collect::<Html>();
    let label = format!("{}. {}", UI.results_chart_label(), words.join(", "));
    html! {
        <svg class="score-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={label}
            preserveAspectRatio="xMinYMin meet">
            { rows }
        </svg>
    }
}
