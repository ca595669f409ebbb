//! Both people's scores per dimension, side by side in one SVG chart.

use closer_core::compare::Comparison;
use yew::prelude::*;

use crate::content::{fill, number, BANK, UI};
use closer_core::text::Decimal;

const ROW: u32 = 46;
const LABEL: u32 = 172;
const BAR: u32 = 200;

fn bar(y: u32, value: Option<u8>, side: &'static str) -> Html {
    let width = value.map_or(0, |v| BAR * u32::from(v) / 100);
    let text = value.map_or("–".to_string(), |v| number(v.into()));
    html! {
        <g data-side={side}>
            <rect x={LABEL.decimal()} y={y.decimal()} width={BAR.decimal()} height="14" rx="3" class="bar-track" />
            <rect x={LABEL.decimal()} y={y.decimal()} width={width.decimal()} height="14" rx="3" class="bar-fill" />
            <text x={(LABEL + BAR + 8).decimal()} y={(y + 12).decimal()} class="bar-value">{ text }</text>
        </g>
    }
}

pub fn compare_chart(comparison: &Comparison, partner: &str) -> Html {
    let rows = &comparison.rows;
    let height = ROW * rows.len() as u32 + 30;
    let mut words = Vec::new();
    let body = rows.iter().enumerate().map(|(n, row)| {
        let name = BANK.dimension(row.dimension).map_or("", |d| d.name);
        let show = |v: Option<u8>| v.map_or("–".to_string(), |v| number(v.into()));
        words.push([name, ": ", UI.compare_you(), " ", &show(row.mine), ", ", partner, " ", &show(row.theirs)].concat());
        let y = 30 + ROW * n as u32;
        html! {
            <g data-dimension={row.dimension}>
                <text x="0" y={(y + 20).decimal()} class="bar-label">{ name }</text>
                { bar(y + 2, row.mine, "mine") }
                { bar(y + 20, row.theirs, "theirs") }
            </g>
        }
    }).collect::<Html>();
    let label = [&fill(UI.compare_chart_label(), &[("name", partner)]), ". ", &words.join("; ")].concat();
    html! {
        <svg class="score-chart compare-chart" viewBox={["0 0 ", &(LABEL + BAR + 50).decimal(), " ", &height.decimal()].concat()} role="img" aria-label={label}>
            <g class="legend">
                <rect x={LABEL.decimal()} y="4" width="14" height="14" rx="3" class="mine-key" />
                <text x={(LABEL + 20).decimal()} y="16">{ UI.compare_you() }</text>
                <rect x={(LABEL + 90).decimal()} y="4" width="14" height="14" rx="3" class="theirs-key" />
                <text x={(LABEL + 110).decimal()} y="16">{ partner.to_string() }</text>
            </g>
            { body }
        </svg>
    }
}
