//! Both people's scores per dimension, side by side in one SVG chart.

use closer_core::compare::Comparison;
use yew::prelude::*;

use crate::content::{fill, BANK, UI};

const ROW: u32 = 46;
const LABEL: u32 = 172;
const BAR: u32 = 200;

fn bar(y: u32, value: Option<u8>, side: &'static str) -> Html {
    let width = value.map_or(0, |v| BAR * u32::from(v) / 100);
    let text = value.map_or("–".to_string(), |v| v.to_string());
    html! {
        <g data-side={side}>
            <rect x={LABEL.to_string()} y={y.to_string()} width={BAR.to_string()} height="14" rx="3" class="bar-track" />
            <rect x={LABEL.to_string()} y={y.to_string()} width={width.to_string()} height="14" rx="3" class="bar-fill" />
            <text x={(LABEL + BAR + 8).to_string()} y={(y + 12).to_string()} class="bar-value">{ text }</text>
        </g>
    }
}

pub fn compare_chart(comparison: &Comparison, partner: &str) -> Html {
    let rows = &comparison.rows;
    let height = ROW * rows.len() as u32 + 30;
    let mut words = Vec::new();
    let body = rows.iter().enumerate().map(|(n, row)| {
        let name = BANK.dimension(row.dimension).map_or("", |d| d.name);
        let show = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
        words.push(format!("{name}: {} {}, {} {}", UI.compare_you(), show(row.mine), partner, show(row.theirs)));
        let y = 30 + ROW * n as u32;
        html! {
            <g data-dimension={row.dimension}>
                <text x="0" y={(y + 20).to_string()} class="bar-label">{ name }</text>
                { bar(y + 2, row.mine, "mine") }
                { bar(y + 20, row.theirs, "theirs") }
            </g>
        }
    }).collect::<Html>();
    let label = format!("{}. {}", fill(UI.compare_chart_label(), &[("name", partner)]), words.join("; "));
    html! {
        <svg class="score-chart compare-chart" viewBox={format!("0 0 {} {height}", LABEL + BAR + 50)} role="img" aria-label={label}>
            <g class="legend">
                <rect x={LABEL.to_string()} y="4" width="14" height="14" rx="3" class="mine-key" />
                <text x={(LABEL + 20).to_string()} y="16">{ UI.compare_you() }</text>
                <rect x={(LABEL + 90).to_string()} y="4" width="14" height="14" rx="3" class="theirs-key" />
                <text x={(LABEL + 110).to_string()} y="16">{ partner.to_string() }</text>
            </g>
            { body }
        </svg>
    }
}
