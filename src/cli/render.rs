//! `kehoach render`: a plan record (JSON) in, Markdown, HTML or DOCX out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use kehoach::batch::write_atomic;
use kehoach::plan::PlanRecord;
use kehoach::plan::check::first_wrong;
use kehoach::render::{OutputKind, Renderer, UserTemplate};

/// Arguments of `kehoach render`.
#[derive(clap::Args)]
pub struct Args {
    /// The plan record, as JSON (what `kehoach parse` prints).
    record: PathBuf,
    /// The file to write: .docx, .md or .html.
    #[arg(short, long)]
    output: PathBuf,
    /// A template of your own in place of the default (see `kehoach template show`).
    #[arg(long)]
    template: Option<PathBuf>,
}

/// Runs `kehoach render`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.record)
        .with_context(|| format!("{}: cannot read", args.record.display()))?;
    let record: PlanRecord = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a plan record", args.record.display()))?;
    write_document(
        &record,
        &args.output,
        args.template.as_deref(),
        &[&args.record],
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Renders `record` into `output` (kind from its extension), never over one of `inputs`.
pub fn write_document(
    record: &PlanRecord,
    output: &Path,
    template: Option<&Path>,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    let Some(kind) = OutputKind::from_path(output) else {
        bail!(
            "{}: unknown output kind; name it .docx, .md or .html",
            output.display()
        );
    };
    refuse_overwrite(output, inputs)?;
    // An official document does not print "ngày 40" or "9 sao".
    if let Some((field, message)) = first_wrong(record) {
        bail!(
            "{}: not written: the plan's field `{field}`: {message}",
            output.display()
        );
    }
    let template = template
        .map(|path| {
            UserTemplate::from_file(path)
                .with_context(|| format!("{}: cannot read the template", path.display()))
        })
        .transpose()?;
    let renderer = Renderer::with_template(template.as_ref())?;
    let bytes = renderer.render(record, kind)?;
    write_atomic(output, &bytes).with_context(|| format!("{}: cannot write", output.display()))?;
    eprintln!("wrote {}", output.display());
    Ok(())
}

/// Fails when `output` is one of `inputs`.
pub fn refuse_overwrite(output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    if kehoach::batch::would_overwrite(output, inputs.iter().copied()) {
        bail!("{}: refusing to write over an input", output.display());
    }
    Ok(())
}
